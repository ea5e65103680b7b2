"""Citation overhead: the same synthetic site built without citations, with ours and with mkdocs-bibtex.

Every cold build is a fresh process, and the variants alternate within each round, so that drift in
the machine's speed hits them alike. Warm rebuilds alternate the variants within one process per
round, as pairs of rebuilds in the same memory layout. Results are ratios within this one run, never
absolute seconds.

Each build is measured twice: the processor time it used (user + system, what the build costs) and
the wall-clock time it took. The targets are judged on processor time, because on a shared virtual
machine the wall clock also counts time the host gave to other guests, which here varies from build
to build by more than the overhead being measured. Both are printed.

Our cold builds run through benchmarks/measured_build.py, which also clocks the time spent in our
citation plugin and its Markdown extension. How that time grows with twice the entries or twice the
pages, against the base corpus built in the same round, is what the scaling targets judge: the
difference between two whole builds of about four seconds moves by more than the base overhead
itself from one run to the next on this machine, so a ratio of two such differences says more
about the machine than about the plugin. The ratios of whole-build differences are printed too.

    python -m benchmarks.bench_citations [--rounds N] [--bibtex-python PATH] [--scratch DIR]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import CorpusSize, write_site
from benchmarks.measured_build import PLUGIN_NAMES

BASE = CorpusSize(pages=200, entries=2000, citations=3200)
DOUBLE_ENTRIES = CorpusSize(pages=200, entries=4000, citations=3200)
DOUBLE_PAGES = CorpusSize(pages=400, entries=2000, citations=6400)
WARM_REBUILDS = 3
REPOSITORY = Path(__file__).resolve().parent.parent
CITATION_PLUGIN = PLUGIN_NAMES["wayout.mkdocs_plugins.citations.plugin"]

# Warm rebuilds as `mkdocs serve` does them: config reloaded, plugins new, the process (and its
# caches) kept. Both variants are rebuilt in the same process, alternating, so that each pair of
# rebuilds runs in one memory layout and one stretch of the machine's speed: separate processes
# differ from each other by more than the overhead being measured. The first build of each variant
# fills the caches and is not timed.
WARM_BUILD = """
import os, sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
count, sites = int(sys.argv[1]), sys.argv[2:]
variants = [sites[i:i + 3] for i in range(0, len(sites), 3)]
for rebuild in range(count + 1):
    order = variants if rebuild % 2 == 0 else variants[::-1]
    for name, config_file, site_dir in order:
        os.chdir(os.path.dirname(config_file))
        config = load_config(config_file, site_dir=site_dir)
        cpu, wall = time.process_time(), time.perf_counter()
        build(config)
        if rebuild:
            print(f"{name} {time.process_time() - cpu:.6f} {time.perf_counter() - wall:.6f}")
"""


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float
    plugin: float = 0.0  # processor time in our citation plugin and its Markdown extension


def _environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPOSITORY)}


def timed_build(python: str, config: Path, site_dir: Path) -> Timing:
    """One fresh-process build. In our own environment it runs through measured_build, which also
    reports the time in our citation plugin; mkdocs-bibtex's builds are only compared as a whole."""
    clocked = python == sys.executable
    if clocked:
        command = [python, "-m", "benchmarks.measured_build", str(config), str(site_dir)]
    else:
        command = [python, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=_environment(), cwd=config.parent)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    plugin = json.loads(result.stdout.strip().splitlines()[-1])["plugins"].get(CITATION_PLUGIN, 0.0) if clocked else 0.0
    return Timing(cpu, wall, plugin)


def warm_builds(python: str, sites: dict[str, Path], scratch: Path, count: int) -> dict[str, list[Timing]]:
    """`count` timed rebuilds of each variant, alternating in one process."""
    arguments = [str(part) for name, config in sites.items() for part in (name, config, scratch / f"warm-{name}")]
    result = subprocess.run(
        [python, "-c", WARM_BUILD, str(count), *arguments], capture_output=True, text=True, env=_environment(),
    )
    if result.returncode != 0:
        raise SystemExit(f"warm builds failed:\n{result.stderr}")
    timings: dict[str, list[Timing]] = {name: [] for name in sites}
    for line in result.stdout.splitlines():
        name, cpu, wall = line.split()
        timings[name].append(Timing(float(cpu), float(wall)))
    return timings


def median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.cpu for t in timings), statistics.median(t.wall for t in timings),
                  statistics.median(t.plugin for t in timings))


def _rotations(names: list[str], rounds: int):
    for round_number in range(rounds):
        shift = round_number % len(names)
        yield round_number, names[shift:] + names[:shift]


def cold_round_robin(sites: dict[tuple[str, str], tuple[str, Path]], rounds: int, scratch: Path) -> dict[tuple[str, str], list[Timing]]:
    """Every round builds every (corpus, variant) once, in an order shifted by one each round; each
    one's timings in round order. The corpora share their rounds: the machine's speed drifts from
    one minute to the next, and a doubled corpus is compared with the base corpus of its round."""
    times: dict[tuple[str, str], list[Timing]] = {name: [] for name in sites}
    for round_number, order in _rotations(list(sites), rounds):
        for corpus, variant in order:
            python, config = sites[corpus, variant]
            timing = timed_build(python, config, scratch / f"out-{corpus.replace(' ', '-')}-{variant}")
            times[corpus, variant].append(timing)
            print(f"  {corpus:<16} round {round_number + 1}/{rounds}  {variant:<14} "
                  f"cpu {timing.cpu:6.2f} s  wall {timing.wall:6.2f} s", file=sys.stderr)
    return times


def plugin_growth(base: list[Timing], doubled: list[Timing]) -> float:
    """How many times our plugin's own time the doubled corpus took, against the base corpus in the
    same round: the median of the rounds."""
    if any(timing.plugin <= 0 for timing in base):
        # A plugin that was not clocked would make every ratio 0 and every target met.
        raise SystemExit("our citation plugin's time was not measured in a base build: "
                         f"has benchmarks/measured_build.py lost the plugin {CITATION_PLUGIN!r}?")
    return statistics.median(big.plugin / small.plugin for small, big in zip(base, doubled, strict=True))


def warm_round_robin(sites: dict[str, tuple[str, Path]], rounds: int, scratch: Path) -> dict[str, Timing]:
    """Per variant, the median of every timed rebuild: `rounds` processes, each rebuilding every
    variant WARM_REBUILDS times, alternating."""
    pythons = {python for python, _ in sites.values()}
    if len(pythons) != 1:
        raise ValueError("warm rebuilds of several variants share one process, so one Python")
    (python,) = pythons
    times: dict[str, list[Timing]] = {name: [] for name in sites}
    for round_number in range(rounds):
        configs = {name: config for name, (_, config) in sites.items()}
        rebuilds = warm_builds(python, configs, scratch, WARM_REBUILDS)
        for name, timings in rebuilds.items():
            times[name] += timings
        print(f"  {'warm rebuilds':<16} round {round_number + 1}/{rounds}  "
              + "  ".join(f"{name} cpu {median(timings).cpu:6.2f} s" for name, timings in rebuilds.items()), file=sys.stderr)
    return {name: median(values) for name, values in times.items()}


def default_scratch() -> Path:
    """A RAM-backed folder if there is one. Creating a file on a virtual machine's disk can cost
    a millisecond and varies from build to build by more than the overhead being measured; the
    builds themselves are the same wherever they write."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


@contextlib.contextmanager
def scratch_folder(base: Path, prefix: str) -> Iterator[Path]:
    """A new folder under `base` for one benchmark's synthetic sites, removed when it ends."""
    base.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
    print(f"Writing synthetic sites to {scratch} (removed at the end)", file=sys.stderr)
    try:
        yield scratch
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def compile_our_package() -> None:
    """Write the bytecode of scripts/wayout. pip compiled Material, MkDocs and mkdocs-bibtex when it
    installed them, but our package is installed editable, and with PYTHONDONTWRITEBYTECODE set (as
    on the development machine) every build would compile its modules from source again: a cost
    of the checkout, not of the plugin. `make setup` compiles it the same way."""
    import wayout

    compileall.compile_dir(Path(wayout.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # Nine: two builds of this size on this machine differ by a sixth in their ratio from one
    # round to the next, more than the margin of the cold target; five rounds gave 0.13, 0.27 and
    # 0.55 on one day for an overhead that twenty pairs put at 0.25.
    parser.add_argument("--rounds", type=int, default=9, help="rounds of every measure (default 9)")
    parser.add_argument(
        "--scratch", type=Path, default=default_scratch(),
        help="where the synthetic sites are written and built (default: RAM-backed /dev/shm when the machine has it)",
    )
    parser.add_argument("--bibtex-python", default=os.environ.get("MKDOCS_BIBTEX_PYTHON"),
                        help="the Python of an environment with mkdocs-bibtex 4.4 (make bench-citations makes one)")
    arguments = parser.parse_args(argv)
    if not arguments.bibtex_python:
        parser.error("--bibtex-python (or MKDOCS_BIBTEX_PYTHON) is required: run `make bench-citations`")
    # Absolute but not resolved: each build runs in its site's folder, and a virtual environment's
    # python is a symbolic link that must keep its own path to find the environment.
    arguments.bibtex_python = os.path.abspath(arguments.bibtex_python)
    ours = sys.executable
    compile_our_package()
    with scratch_folder(arguments.scratch, "wayout-bench-") as scratch:
        return run(arguments, ours, scratch)


def run(arguments: argparse.Namespace, ours: str, scratch: Path) -> int:
    def site(size: CorpusSize, variant: str) -> Path:
        return write_site(scratch / f"{size.pages}p-{size.entries}e-{variant}", size, variant)

    def ours_and_plain(size: CorpusSize) -> dict[str, tuple[str, Path]]:
        return {"plain": (ours, site(size, "plain")), "wayout": (ours, site(size, "wayout"))}

    cold = cold_round_robin({
        ("base", "plain"): (ours, site(BASE, "plain")),
        ("base", "wayout"): (ours, site(BASE, "wayout")),
        ("base", "mkdocs-bibtex"): (arguments.bibtex_python, site(BASE, "mkdocs-bibtex")),
        **{(corpus, variant): (ours, site(size, variant))
           for corpus, size in (("double entries", DOUBLE_ENTRIES), ("double pages", DOUBLE_PAGES))
           for variant in ("plain", "wayout")},
    }, arguments.rounds, scratch)

    def medians(corpus: str) -> dict[str, Timing]:
        return {variant: median(timings) for (name, variant), timings in cold.items() if name == corpus}

    base, double_entries, double_pages = medians("base"), medians("double entries"), medians("double pages")
    warm = warm_round_robin(ours_and_plain(BASE), arguments.rounds, scratch)

    print()
    print(f"Corpus: {BASE.pages} pages, {BASE.entries} entries, {BASE.citations} citations; medians of "
          f"{arguments.rounds} fresh-process builds per variant, and of {arguments.rounds} processes × {WARM_REBUILDS} warm rebuilds, alternating")
    print(f"{'build':<30}{'cpu s':>9}{'/ plain':>9}{'wall s':>9}{'/ plain':>9}")
    rows = [*base.items(), ("plain, warm rebuild", warm["plain"]), ("wayout, warm rebuild", warm["wayout"])]
    for name, timing in rows:
        print(f"{name:<30}{timing.cpu:>9.2f}{timing.cpu / base['plain'].cpu:>9.2f}"
              f"{timing.wall:>9.2f}{timing.wall / base['plain'].wall:>9.2f}")

    def targets(measure: str) -> list[tuple[str, float, str, bool]]:
        plain, warm_plain = getattr(base["plain"], measure), getattr(warm["plain"], measure)
        ours_overhead = overhead(base, measure)
        bibtex_overhead = overhead(base, measure, "mkdocs-bibtex")
        warm_overhead = overhead(warm, measure)
        positive = max(ours_overhead, 1e-9)
        return [
            ("cold: our overhead / plain build", ours_overhead / plain, "<= 0.25", ours_overhead <= 0.25 * plain),
            ("cold: mkdocs-bibtex overhead / ours", bibtex_overhead / positive, ">= 5", bibtex_overhead >= 5 * ours_overhead),
            ("warm: our overhead / plain rebuild", warm_overhead / warm_plain, "<= 0.10", warm_overhead <= 0.10 * warm_plain),
        ]

    def growth(measure: str) -> list[tuple[str, float]]:
        """Whole-build overhead (ours - plain) of each doubled corpus over the base corpus's."""
        positive = max(overhead(base, measure), 1e-9)
        return [("2x entries", overhead(double_entries, measure) / positive),
                ("2x pages", overhead(double_pages, measure) / positive)]

    judged = targets("cpu")
    wall = targets("wall")
    scaling = scaling_targets(plugin_growth(cold["base", "wayout"], cold["double entries", "wayout"]),
                              plugin_growth(cold["base", "wayout"], cold["double pages", "wayout"]))
    print()
    print(f"{'target':<44}{'cpu':>8}{'wall':>8}{'goal':>9}  result (on cpu)")
    for (label, value, goal, met), (_, wall_value, _, _) in zip(judged, wall):
        print(f"{label:<44}{_ratio(value):>8}{_ratio(wall_value):>8}{goal:>9}  {'met' if met else 'MISSED'}")
    for label, value, goal, met in scaling:
        print(f"{label:<44}{_ratio(value):>8}{'—':>8}{goal:>9}  {'met' if met else 'MISSED'}")
    print()
    print(f"Our plugin's own time, median (the targets take each round's ratio): base {base['wayout'].plugin:.2f} s, "
          f"2x entries {double_entries['wayout'].plugin:.2f} s, 2x pages {double_pages['wayout'].plugin:.2f} s.")
    print("Not judged, for comparison: whole-build overhead (ours - plain) over the base corpus's, "
          + "; ".join(f"{label} cpu {_ratio(cpu)}, wall {_ratio(wall_value)}"
                      for (label, cpu), (_, wall_value) in zip(growth("cpu"), growth("wall")))
          + ". Each is a ratio of two differences between noisy builds.")
    return 0 if all(met for *_, met in [*judged, *scaling]) else 1


def overhead(timings: dict[str, Timing], measure: str, variant: str = "wayout") -> float:
    """What `variant` took beyond the plain build, in seconds of `measure` ("cpu" or "wall")."""
    return getattr(timings[variant], measure) - getattr(timings["plain"], measure)


def scaling_targets(entries_growth: float, pages_growth: float) -> list[tuple[str, float, str, bool]]:
    """(label, ratio, goal, met) for how our citation plugin's own time grows with twice the
    entries and twice the pages and citations: at most twice, that is at most linearly."""
    return [
        ("2x entries: our plugin's time / base", entries_growth, "<= 2", entries_growth <= 2),
        ("2x pages: our plugin's time / base", pages_growth, "<= 2", pages_growth <= 2),
    ]


def _ratio(value: float) -> str:
    # A ratio over an overhead that measured zero or less (the wall clock can do that) means nothing.
    return f"{value:.2f}" if abs(value) < 1000 else "n/a"


if __name__ == "__main__":
    sys.exit(main())
