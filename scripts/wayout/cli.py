"""The `wayout` command: checks a contributor can run without building HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wayout import __version__
from wayout.bibliography.check import check_bibliography_and_citations
from wayout.bibliography.sources import read_bibliography
from wayout.glossary import check_glossaries
from wayout.pages import check_pages
from wayout.problems import format_problems
from wayout.site_config import language_codes, read_site_config


def _find_project_root(start: Path) -> Path | None:
    for candidate in (start, *start.parents):
        if (candidate / "mkdocs.yml").is_file():
            return candidate
    return None


def _check(arguments: argparse.Namespace) -> int:
    root = arguments.root or _find_project_root(Path.cwd())
    if root is None:
        print("error: no mkdocs.yml here or above — run `wayout check` inside the project, or pass --root", file=sys.stderr)
        return 2
    docs_dir = root / "docs"
    if not docs_dir.is_dir():
        print(f"error: {docs_dir} does not exist — run `wayout check` in the project root, or pass --root", file=sys.stderr)
        return 2
    pages = sorted(docs_dir.rglob("*.md"))
    print(f"Checking {len(pages)} pages in {docs_dir.relative_to(root)}/ ...", file=sys.stderr)
    languages = language_codes(read_site_config(root / "mkdocs.yml"))
    problems = check_pages(docs_dir, root)
    problems += check_bibliography_and_citations(root / "bibliography", docs_dir, root, languages)
    bibliography, _ = read_bibliography(root / "bibliography", root)  # its own problems are listed above
    problems += check_glossaries(docs_dir, bibliography, root)
    if problems:
        print(format_problems(problems))
        return 1
    print(f"No problems found in {len(pages)} pages and the bibliography.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wayout", description="Tools for the WayOut knowledge base.")
    parser.add_argument("--version", action="version", version=f"wayout {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate front matter, the bibliography and every citation, and list every problem")
    check.add_argument("--root", type=Path, help="the project root (default: the folder holding mkdocs.yml)")
    check.set_defaults(run=_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main())
