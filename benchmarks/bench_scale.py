"""Build performance at scale: our plugins against plain Material on the same synthetic pages.

For each scale (review pages per language; references and profiles grow with them), the "plain"
and "wayout" variants of benchmarks/synthetic_site.py are built side by side, one per processor
core, each in a fresh process (benchmarks/measured_build.py), for a few rounds. Then a site in all
24 official EU languages is built and its search indexes checked, and the one-language preview of
the real site is timed (benchmarks/bench_preview.py). One table is printed with every measure and
its ratio to plain Material in the same run; then the targets. Times are processor time (user +
system), as in bench_citations, because on this shared virtual machine the wall clock also counts
time the host gave to other guests; the wall clock is printed beside the full builds.

    python -m benchmarks.bench_scale [--scales 250,500,1000,2000] [--languages 5] [--rounds 2]
                                     [--eu-pages 40] [--scratch DIR] [--no-preview]

Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_citations import compile_our_package, default_scratch, scratch_folder
from benchmarks.synthetic_site import EU_LANGUAGES, REPOSITORY, VARIANTS, SiteSize, language_name, write_site

OVERHEAD_TARGET = 0.20
GROWTH_TARGET = 2.1
PREVIEW_TARGET_SECONDS = 3.0
MIB = 1024 * 1024
# The event in which wayout-site checks every page of every language before the first is built.
PAGE_CHECKS_EVENT = "wayout-site on_config"


@dataclass
class Build:
    cpu: float
    wall: float
    peak_memory: int  # bytes
    languages: dict[str, float]
    plugins: dict[str, float]
    checks: float = 0.0  # of wayout-site's time, its start: the check of every page before the build
    site_size: int = 0
    search_indexes: dict[str, int] = field(default_factory=dict)  # language: bytes


def site_size(site_dir: Path) -> int:
    return sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())


def search_index_path(site_dir: Path, language: str, default: str) -> Path:
    """Where a language's pages find their search index: the root one for the default language."""
    return site_dir / "search" / "search_index.json" if language == default else site_dir / language / "search" / "search_index.json"


@dataclass
class _Running:
    process: subprocess.Popen
    config: Path
    site_dir: Path
    languages: list[str]
    output: Path
    errors: Path
    start: float


def _start_build(config: Path, site_dir: Path, languages: list[str]) -> _Running:
    if site_dir.exists():
        shutil.rmtree(site_dir)
    output = site_dir.with_name(site_dir.name + ".out")
    errors = site_dir.with_name(site_dir.name + ".err")
    with output.open("w") as stdout, errors.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.measured_build", str(config), str(site_dir)],
            stdout=stdout, stderr=stderr, cwd=config.parent,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPOSITORY)},
        )
    return _Running(process, config, site_dir, languages, output, errors, time.perf_counter())


def measured_builds(jobs: list[tuple[Path, Path, list[str]]]) -> list[Build]:
    """Fresh-process builds of (config, site folder, languages), run at the same time: their
    processor time and peak memory as the kernel counted them, in the order given."""
    running = {job.process.pid: job for job in (_start_build(*arguments) for arguments in jobs)}
    order = list(running)
    finished: dict[int, Build] = {}
    finished_jobs: dict[int, _Running] = {}
    failures = []
    while running:
        # os.wait4 rather than Popen.wait, which reaps the process without its resource usage.
        pid, status, usage = os.wait4(-1, 0)
        job = running.pop(pid, None)
        if job is None:
            continue
        wall = time.perf_counter() - job.start
        job.process.returncode = os.waitstatus_to_exitcode(status)
        if job.process.returncode != 0:
            failures.append(f"build of {job.config} failed:\n{job.errors.read_text()[-4000:]}")
            continue
        report = json.loads(job.output.read_text().strip().splitlines()[-1])
        finished[pid] = Build(
            cpu=usage.ru_utime + usage.ru_stime, wall=wall, peak_memory=usage.ru_maxrss * 1024,  # ru_maxrss is in KiB
            languages=report["languages"], plugins=report["plugins"], checks=report["events"].get(PAGE_CHECKS_EVENT, 0.0),
        )
        finished_jobs[pid] = job
    if failures:
        raise SystemExit("\n\n".join(failures))
    # Only now that every build has ended: walking a site's files while another build runs would
    # take processor and disk time from that build.
    for pid, job in finished_jobs.items():
        finished[pid].site_size = site_size(job.site_dir)
        finished[pid].search_indexes = {
            language: path.stat().st_size
            for language in job.languages
            if (path := search_index_path(job.site_dir, language, job.languages[0])).is_file()
        }
    return [finished[pid] for pid in order]


def measured_build(config: Path, site_dir: Path, languages: list[str]) -> Build:
    """One fresh-process build, alone on the machine."""
    return measured_builds([(config, site_dir, languages)])[0]


def median_build(builds: list[Build]) -> Build:
    """The build of median processor time (its other measures come with it)."""
    ordered = sorted(builds, key=lambda build: build.cpu)
    return ordered[(len(ordered) - 1) // 2]


@dataclass
class ScaleResult:
    builds: dict[str, Build]  # variant: its median build
    ratios: list[float]  # each round's ours / plain

    @property
    def overhead(self) -> float:
        return statistics.median(self.ratios) - 1


def measure_scale(size: SiteSize, rounds: int, scratch: Path) -> ScaleResult:
    """Each round builds both variants at the same time, one per processor core: the speed of this
    shared virtual machine drifts by a fifth from one minute to the next, and so both builds of a
    round meet the same machine. Their ratio is taken per round, then the median of the rounds."""
    configs = {variant: write_site(scratch / f"{size.pages}p-{variant}", size, variant) for variant in VARIANTS}
    builds: dict[str, list[Build]] = {variant: [] for variant in VARIANTS}
    ratios = []
    for round_number in range(rounds):
        jobs = [(configs[variant], scratch / f"{size.pages}p-{variant}-site", size.codes) for variant in VARIANTS]
        for variant, build in zip(VARIANTS, measured_builds(jobs)):
            builds[variant].append(build)
            print(f"  {size.label():<26} round {round_number + 1}/{rounds}  {variant:<7} cpu {build.cpu:7.1f} s  "
                  f"wall {build.wall:7.1f} s  peak {build.peak_memory / MIB:6.0f} MiB", file=sys.stderr)
        ratios.append(builds["wayout"][-1].cpu / builds["plain"][-1].cpu)
    for variant in VARIANTS:
        shutil.rmtree(scratch / f"{size.pages}p-{variant}-site", ignore_errors=True)
        shutil.rmtree(scratch / f"{size.pages}p-{variant}", ignore_errors=True)
    return ScaleResult({variant: median_build(values) for variant, values in builds.items()}, ratios)


def check_language_search(site_dir: Path, languages: list[str]) -> list[str]:
    """Problems with each language's search: its index must exist, hold that language's pages and
    no other's (each language's pages carry its own name as a word), and ask for a stemmer that the
    site ships. Empty when search works in every language."""
    problems = []
    lunr = site_dir / "assets" / "javascripts" / "lunr" / "min"
    for language in languages:
        path = search_index_path(site_dir, language, languages[0])
        if not path.is_file():
            problems.append(f"{language}: no search index at {path.relative_to(site_dir)}")
            continue
        index = json.loads(path.read_text("utf-8"))
        text = " ".join(f"{doc.get('title', '')} {doc.get('text', '')}" for doc in index.get("docs", []))
        if not index.get("docs"):
            problems.append(f"{language}: the search index is empty")
        if language_name(language) not in text:
            problems.append(f"{language}: the search index does not hold the language's pages")
        strangers = [other for other in languages if other != language and language_name(other) in text]
        if strangers:
            problems.append(f"{language}: the search index holds pages of {', '.join(strangers)}")
        for stemmer in index.get("config", {}).get("lang", []):
            if stemmer != "en" and not (lunr / f"lunr.{stemmer}.min.js").is_file():
                problems.append(f"{language}: the index asks for the stemmer `{stemmer}`, which the site does not ship")
    return problems


def measure_preview() -> tuple[float, float] | str:
    """(first full build, median rebuild after an edit) of `make serve LANG=fr`, wall seconds; or
    why it could not be measured."""
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench_preview", "--language", "fr", "--json"],
                            capture_output=True, text=True, cwd=REPOSITORY)
    lines = result.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        return f"the preview build failed (exit status {result.returncode}): {result.stderr.strip()[-2000:] or 'no message'}"
    report = json.loads(lines[-1])
    return report["full_wall"], report["rebuild_wall"]


def _row(label: str, plain: float | None, ours: float, unit: str, digits: int = 2, ratio: float | None = None) -> str:
    plain_text = f"{plain:.{digits}f}" if plain is not None else "—"
    if ratio is None and plain:
        ratio = ours / plain
    ratio_text = f"{ratio:.2f}" if ratio is not None else "—"
    return f"  {label:<34}{plain_text:>11}{ours:>11.{digits}f}  {unit:<4}{ratio_text:>7}"


def print_scale(size: SiteSize, result: ScaleResult) -> None:
    plain, ours = result.builds["plain"], result.builds["wayout"]
    print(f"{size.label()} ({size.references:,} references, {size.profiles:,} programme profiles per language, "
          f"{size.pages_in_all:,} pages in all)")
    print(_row("full build", plain.cpu, ours.cpu, "s", ratio=result.overhead + 1))
    print(_row("full build, wall clock", plain.wall, ours.wall, "s"))
    for language in size.codes:
        print(_row(f"build of {language}", plain.languages.get(language), ours.languages.get(language, 0.0), "s"))
    for plugin in sorted(ours.plugins):
        # A plugin's ratio is to the whole plain build: the share of the build it adds.
        print(_row(f"in {plugin}", None, ours.plugins[plugin], "s", ratio=ours.plugins[plugin] / plain.cpu))
        if plugin == "wayout-site":
            print(_row("  of which checks before building", None, ours.checks, "s", ratio=ours.checks / plain.cpu))
    print(_row("peak memory", plain.peak_memory / MIB, ours.peak_memory / MIB, "MiB", 0))
    print(_row("site size", plain.site_size / MIB, ours.site_size / MIB, "MiB", 1))
    for language in size.codes:
        plain_index = plain.search_indexes.get(language)
        print(_row(f"search index of {language}", plain_index / 1024 if plain_index else None,
                   ours.search_indexes.get(language, 0) / 1024, "KiB", 0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="250,500,1000,2000",
                        help="review pages per language at each scale, comma-separated (default 250,500,1000,2000)")
    parser.add_argument("--languages", type=int, default=5, help="languages at each scale (default 5)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds at each scale, each building both variants side by side (default 2)")
    parser.add_argument("--eu-pages", type=int, default=40, help="review pages per language of the 24-language site")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview rebuild of the real site")
    parser.add_argument("--scratch", type=Path, default=default_scratch())
    arguments = parser.parse_args(argv)
    scales = [int(value) for value in arguments.scales.split(",")]
    compile_our_package()
    with scratch_folder(arguments.scratch, "wayout-scale-") as scratch:
        return run(arguments, scales, scratch)


def sizes(scales: list[int], languages: int) -> list[SiteSize]:
    # References and profiles grow with the pages: one reference per page, one profile per ten.
    return [SiteSize(pages=pages, references=max(pages, 50), profiles=max(pages // 10, 3), languages=languages)
            for pages in scales]


def run(arguments: argparse.Namespace, scales: list[int], scratch: Path) -> int:
    results = [(size, measure_scale(size, arguments.rounds, scratch)) for size in sizes(scales, arguments.languages)]

    eu_size = SiteSize(pages=arguments.eu_pages, references=max(arguments.eu_pages, 50),
                       profiles=max(arguments.eu_pages // 10, 3), languages=len(EU_LANGUAGES))
    eu_config = write_site(scratch / "eu-wayout", eu_size, "wayout")
    eu_site = scratch / "eu-wayout-site"
    eu_build = measured_build(eu_config, eu_site, eu_size.codes)
    print(f"  {eu_size.label():<26} wayout  cpu {eu_build.cpu:7.1f} s", file=sys.stderr)
    search_problems = check_language_search(eu_site, eu_size.codes)
    preview = None if arguments.no_preview else measure_preview()

    print()
    print(f"Medians of {arguments.rounds} round(s), each building both variants side by side in fresh processes; "
          "processor seconds unless marked. Ratio: ours / plain Material (for the full build, the median of the "
          "rounds' ratios); for a plugin, its time / the plain build.")
    print(f"  {'measure':<34}{'plain':>11}{'ours':>11}  {'unit':<4}{'ratio':>7}")
    for size, result in results:
        print_scale(size, result)
    print(f"{eu_size.label()} (every official EU language): ours only")
    print(_row("full build", None, eu_build.cpu, "s"))
    print(_row("peak memory", None, eu_build.peak_memory / MIB, "MiB", 0))
    print(_row("site size", None, eu_build.site_size / MIB, "MiB", 1))
    print(_row("search indexes, all languages", None, sum(eu_build.search_indexes.values()) / 1024, "KiB", 0))
    preview_failure = preview if isinstance(preview, str) else None
    if preview_failure:
        preview = None
    if preview is not None:
        print("Real site, `make serve LANG=fr`: wall clock")
        print(_row("first full build", None, preview[0], "s"))
        print(_row("rebuild after an edit", None, preview[1], "s"))

    targets = []
    for size, result in results:
        overhead = result.overhead
        targets.append((f"{size.label()}: our plugins' overhead", f"{overhead:.2f}", f"<= {OVERHEAD_TARGET:.2f}",
                        overhead <= OVERHEAD_TARGET))
    for (small, small_result), (large, large_result) in zip(results, results[1:]):
        if large.pages != 2 * small.pages:
            continue
        small_builds, large_builds = small_result.builds, large_result.builds
        growth = large_builds["wayout"].cpu / small_builds["wayout"].cpu
        plain_growth = large_builds["plain"].cpu / small_builds["plain"].cpu
        targets.append((f"{small.pages} → {large.pages} pages: build time × (plain ×{plain_growth:.2f})",
                        f"{growth:.2f}", f"<= {GROWTH_TARGET}", growth <= GROWTH_TARGET))
    targets.append((f"{eu_size.languages} languages: build completes, search per language",
                    "works" if not search_problems else f"{len(search_problems)} problems", "works", not search_problems))
    if preview is not None:
        targets.append(("preview: rebuild after an edit (wall s)", f"{preview[1]:.2f}", f"<= {PREVIEW_TARGET_SECONDS:.0f}",
                        preview[1] <= PREVIEW_TARGET_SECONDS))
    elif preview_failure:
        targets.append(("preview: rebuild after an edit (wall s)", "failed", f"<= {PREVIEW_TARGET_SECONDS:.0f}", False))
    print()
    print(f"  {'target':<62}{'measured':>12}{'goal':>10}  result")
    for label, measured, goal, met in targets:
        print(f"  {label:<62}{measured:>12}{goal:>10}  {'met' if met else 'MISSED'}")
    for problem in search_problems:
        print(f"  search: {problem}")
    if preview_failure:
        print(f"  preview: {preview_failure}")
    return 0 if all(met for *_, met in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
