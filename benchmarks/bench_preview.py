"""How fast the one-language preview (`make serve LANG=fr`) rebuilds after an edit, on the real site.

`mkdocs serve --dirty` keeps the process (and the plugins' caches) and rebuilds only the pages
whose files changed; this runs the same builds in one process: a first full build, then a page is
edited and rebuilt, several times. The edit is undone at the end. Printed: each rebuild's wall and
processor time, and its ratio to the first full build of the same run.

    python -m benchmarks.bench_preview [--language fr] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGE = "what-works/mentoring.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="fr")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="also print the result as JSON on the last line (bench_scale reads it)")
    arguments = parser.parse_args(argv)
    os.environ["WAYOUT_LANGUAGE"] = arguments.language
    os.environ["WAYOUT_PDF"] = "false"  # as make serve does
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Warnings and errors to standard error: a strict build stops on one, and should say why.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    root = Path(__file__).resolve().parent.parent
    os.chdir(root)
    page = root / "docs" / arguments.language / PAGE
    original = page.read_text("utf-8")
    timings = []
    with tempfile.TemporaryDirectory(prefix="wayout-preview-") as site_dir:
        try:
            for round_number in range(arguments.rounds + 1):
                if round_number:
                    page.write_text(original + f"\nEdit {round_number}.\n", encoding="utf-8")
                # Not strict, as `make serve LANG=…` runs it: MkDocs warns on every --dirty build.
                config = load_config(str(root / "mkdocs.yml"), site_dir=site_dir, strict=False)
                wall, cpu = time.perf_counter(), time.process_time()
                build(config, dirty=round_number > 0)
                timings.append((time.perf_counter() - wall, time.process_time() - cpu))
                label = "first full build" if round_number == 0 else f"rebuild after edit {round_number}"
                print(f"  {label:<24} wall {timings[-1][0]:6.2f} s   cpu {timings[-1][1]:6.2f} s", file=sys.stderr)
        finally:
            page.write_text(original, encoding="utf-8")
    full_wall, full_cpu = timings[0]
    rebuild_wall = statistics.median(wall for wall, _ in timings[1:])
    rebuild_cpu = statistics.median(cpu for _, cpu in timings[1:])
    print(f"\nPreview of `{arguments.language}` after an edit of {PAGE} (median of {arguments.rounds} rebuilds)")
    print(f"{'':<28}{'wall s':>8}{'cpu s':>8}{'/ full build':>14}")
    print(f"{'first full build':<28}{full_wall:>8.2f}{full_cpu:>8.2f}{1:>14.2f}")
    print(f"{'rebuild after an edit':<28}{rebuild_wall:>8.2f}{rebuild_cpu:>8.2f}{rebuild_wall / full_wall:>14.2f}")
    met = rebuild_wall <= 3.0
    print(f"target: rebuild within 3 s of an edit — {'met' if met else 'MISSED'}")
    if arguments.json:
        print(json.dumps({"full_wall": full_wall, "rebuild_wall": rebuild_wall, "rebuild_cpu": rebuild_cpu}))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
