"""Checks every Markdown page of the docs tree and lists every problem at once."""

from __future__ import annotations

from pathlib import Path

from wayout.diagrams import diagram_problems
from wayout.editorial import editorial_problems
from wayout.frontmatter import parse_front_matter
from wayout.problems import Problem, display_path
from wayout.schemas import validate_front_matter
from wayout.text_cache import text_digest
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
    texts: dict[Path, str] = {}  # read once: a translation is compared with its English page's text
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            texts[path] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(display_path(path, root), 1, f"the file is not UTF-8 ({error.reason} at byte {error.start})",
                                    "save the file as UTF-8"))
    digests = {path: text_digest(text) for path, text in texts.items()}  # a text is digested once, however often compared
    for path, text in texts.items():
        display = display_path(path, root)
        problems.extend(_checked_page(text, digests[path], display))
        if default_language is not None:
            problems.extend(_translation_problems(docs_dir, root, default_language, path, display, texts, digests))
    return sorted(problems)


# `mkdocs serve` checks every page of every language before each rebuild, and between two rebuilds
# one file changed: a page's problems depend only on its text (and a translation's on its English
# page's text too), so they are kept, per file, for as long as those texts stay the same. The
# texts are known by their digests: keeping the texts themselves would hold every page in memory.
_CHECKED: dict[str, tuple[bytes, list[Problem]]] = {}
_COMPARED: dict[str, tuple[bytes, bytes, list[Problem]]] = {}


def _checked_page(text: str, digest: bytes, display: str) -> list[Problem]:
    kept = _CHECKED.get(display)
    if kept is not None and kept[0] == digest:
        return kept[1]
    problems = check_page(text, display)
    _CHECKED[display] = (digest, problems)
    return problems


def _translation_problems(docs_dir: Path, root: Path, default_language: str, path: Path, display: str,
                          texts: dict[Path, str], digests: dict[Path, bytes]) -> list[Problem]:
    relative = path.relative_to(docs_dir)
    if len(relative.parts) < 2 or relative.parts[0] == default_language:
        return []
    english = docs_dir / default_language / Path(*relative.parts[1:])
    # Only a page that says it translates the English one (its `translation` record) is held to
    # it: a page written in its own language for its own readers may differ.
    english_text = texts.get(english)
    if english_text is None:
        return []  # no English page, or one that is not UTF-8 (reported as such)
    text, compared = texts[path], (digests[path], digests[english])
    kept = _COMPARED.get(display)
    if kept is not None and kept[:2] == compared:
        return kept[2]
    problems = (structure_problems(english_text, text, display, display_path(english, root))
                if translation_record(text) else [])
    _COMPARED[display] = (*compared, problems)
    return problems
