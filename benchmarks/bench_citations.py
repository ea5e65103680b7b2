"""Citation overhead: the same synthetic site built without citations, with ours and with mkdocs-bibtex.

Every build is a fresh process, and the variants alternate within each round, so that drift in the
machine's speed hits them alike. Results are ratios within this one run, never absolute seconds.

    python -m benchmarks.bench_citations [--rounds N] [--bibtex-python PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import CorpusSize, write_site

BASE = CorpusSize(pages=200, entries=2000, citations=3200)
DOUBLE_ENTRIES = CorpusSize(pages=200, entries=4000, citations=3200)
DOUBLE_PAGES = CorpusSize(pages=400, entries=2000, citations=6400)

# A warm rebuild as `mkdocs serve` does it: config reloaded, plugins new, the process (and its caches) kept.
WARM_BUILD = """
import sys, time, logging
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.disable(logging.WARNING)
times = []
for _ in range(int(sys.argv[3])):
    config = load_config(sys.argv[1], site_dir=sys.argv[2])
    start = time.perf_counter()
    build(config)
    times.append(time.perf_counter() - start)
print(" ".join(f"{t:.6f}" for t in times))
"""


def timed_build(python: str, config: Path, site_dir: Path) -> float:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [python, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=environment,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def warm_builds(python: str, config: Path, site_dir: Path, count: int) -> list[float]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [python, "-c", WARM_BUILD, str(config), str(site_dir), str(count)],
        capture_output=True, text=True, env=environment,
    )
    if result.returncode != 0:
        raise SystemExit(f"warm builds of {config} failed:\n{result.stderr}")
    return [float(value) for value in result.stdout.split()]


def cold_round_robin(sites: dict[str, tuple[str, Path]], rounds: int, scratch: Path, label: str) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in sites}
    names = list(sites)
    for round_number in range(rounds):
        order = names[round_number % len(names):] + names[: round_number % len(names)]
        for name in order:
            python, config = sites[name]
            elapsed = timed_build(python, config, scratch / f"out-{label}-{name}")
            times[name].append(elapsed)
            print(f"  {label:<16} round {round_number + 1}/{rounds}  {name:<14} {elapsed:7.2f} s", file=sys.stderr)
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bibtex-python", default=os.environ.get("MKDOCS_BIBTEX_PYTHON"),
                        help="the Python of an environment with mkdocs-bibtex 4.4 (make bench-citations makes one)")
    arguments = parser.parse_args(argv)
    if not arguments.bibtex_python:
        parser.error("--bibtex-python (or MKDOCS_BIBTEX_PYTHON) is required: run `make bench-citations`")
    ours = sys.executable
    scratch = Path(tempfile.mkdtemp(prefix="wayout-bench-"))
    print(f"Writing synthetic sites to {scratch}", file=sys.stderr)

    def site(size: CorpusSize, variant: str) -> Path:
        return write_site(scratch / f"{size.pages}p-{size.entries}e-{variant}", size, variant)

    base = cold_round_robin(
        {
            "plain": (ours, site(BASE, "plain")),
            "wayout": (ours, site(BASE, "wayout")),
            "mkdocs-bibtex": (arguments.bibtex_python, site(BASE, "mkdocs-bibtex")),
        },
        arguments.rounds, scratch, "base",
    )
    double_entries = cold_round_robin(
        {"plain": (ours, site(DOUBLE_ENTRIES, "plain")), "wayout": (ours, site(DOUBLE_ENTRIES, "wayout"))},
        arguments.rounds, scratch, "double entries",
    )
    double_pages = cold_round_robin(
        {"plain": (ours, site(DOUBLE_PAGES, "plain")), "wayout": (ours, site(DOUBLE_PAGES, "wayout"))},
        arguments.rounds, scratch, "double pages",
    )
    print("  warm rebuilds (one process, 1 cold + 4 warm builds)", file=sys.stderr)
    warm = {}
    for variant in ("plain", "wayout"):
        times = warm_builds(ours, site(BASE, variant), scratch / f"warm-{variant}", 5)
        warm[variant] = statistics.median(times[1:])

    ours_overhead = base["wayout"] - base["plain"]
    bibtex_overhead = base["mkdocs-bibtex"] - base["plain"]
    warm_overhead = warm["wayout"] - warm["plain"]
    entries_overhead = double_entries["wayout"] - double_entries["plain"]
    pages_overhead = double_pages["wayout"] - double_pages["plain"]
    rows = [
        ("cold: our overhead / plain build", ours_overhead / base["plain"], "<= 0.25", ours_overhead / base["plain"] <= 0.25),
        ("cold: mkdocs-bibtex overhead / ours", bibtex_overhead / max(ours_overhead, 1e-9), ">= 5", bibtex_overhead >= 5 * ours_overhead),
        ("warm: our overhead / plain rebuild", warm_overhead / warm["plain"], "<= 0.10", warm_overhead / warm["plain"] <= 0.10),
        ("2x entries: overhead / base overhead", entries_overhead / max(ours_overhead, 1e-9), "<= 2", entries_overhead <= 2 * max(ours_overhead, 0.0)),
        ("2x pages: overhead / base overhead", pages_overhead / max(ours_overhead, 1e-9), "<= 2", pages_overhead <= 2 * max(ours_overhead, 0.0)),
    ]
    print()
    print(f"Corpus: {BASE.pages} pages, {BASE.entries} entries, {BASE.citations} citations; "
          f"median of {arguments.rounds} fresh-process builds per variant")
    print(f"{'build':<34}{'median s':>10}{'/ plain':>10}")
    for name, seconds in base.items():
        print(f"{name:<34}{seconds:>10.2f}{seconds / base['plain']:>10.2f}")
    print(f"{'plain, warm rebuild':<34}{warm['plain']:>10.2f}{warm['plain'] / base['plain']:>10.2f}")
    print(f"{'wayout, warm rebuild':<34}{warm['wayout']:>10.2f}{warm['wayout'] / base['plain']:>10.2f}")
    print()
    print(f"{'target':<40}{'measured':>10}{'goal':>10}  result")
    for label, value, goal, met in rows:
        print(f"{label:<40}{value:>10.2f}{goal:>10}  {'met' if met else 'MISSED'}")
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
