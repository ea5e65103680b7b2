"""Checks every Markdown page of the docs tree and lists every problem at once."""

from __future__ import annotations

from pathlib import Path

from wayout.diagrams import diagram_problems
from wayout.editorial import editorial_problems
from wayout.frontmatter import parse_front_matter
from wayout.problems import Problem, display_path
from wayout.schemas import validate_front_matter


def check_page(text: str, display: str) -> list[Problem]:
    front, problems = parse_front_matter(text, display)
    if front is not None:
        problems = problems + validate_front_matter(front, display) + editorial_problems(front, text, display)
    return problems + diagram_problems(text, display)


def check_pages(docs_dir: Path, root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        display = display_path(path, root)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                Problem(display, 1, f"the file is not UTF-8 ({error.reason} at byte {error.start})", "save the file as UTF-8")
            )
            continue
        problems.extend(check_page(text, display))
    return sorted(problems)
