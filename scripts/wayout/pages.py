"""Checks every Markdown page of the docs tree and lists every problem at once."""

from __future__ import annotations

from pathlib import Path

from wayout.diagrams import diagram_problems
from wayout.editorial import editorial_problems
from wayout.frontmatter import parse_front_matter
from wayout.problems import Problem, display_path
from wayout.schemas import validate_front_matter
from wayout.translation_structure import structure_problems
from wayout.translations import translation_record


def check_page(text: str, display: str) -> list[Problem]:
    front, problems = parse_front_matter(text, display)
    if front is not None:
        problems = problems + validate_front_matter(front, display) + editorial_problems(front, text, display)
    return problems + diagram_problems(text, display)


def check_pages(docs_dir: Path, root: Path, default_language: str | None = None) -> list[Problem]:
    """Every page's problems; with `default_language`, also what each translation lost or added
    compared with its page in that language's folder."""
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
        if default_language is not None:
            problems.extend(_translation_problems(docs_dir, root, default_language, path, text, display))
    return sorted(problems)


def _translation_problems(docs_dir: Path, root: Path, default_language: str, path: Path, text: str, display: str) -> list[Problem]:
    relative = path.relative_to(docs_dir)
    if len(relative.parts) < 2 or relative.parts[0] == default_language:
        return []
    english = docs_dir / default_language / Path(*relative.parts[1:])
    # Only a page that says it translates the English one (its `translation` record) is held to
    # it: a page written in its own language for its own readers may differ.
    if not english.is_file() or not translation_record(text):
        return []
    return structure_problems(english.read_text("utf-8"), text, display, display_path(english, root))
