"""Every citation of every page checked against the bibliography, without building the site."""

from __future__ import annotations

from pathlib import Path

from wayout.bibliography.citations import find_citations, unknown_key_problems
from wayout.bibliography.sources import Bibliography, read_bibliography
from wayout.bibliography.topics import read_topic_labels
from wayout.frontmatter import body_line_offset
from wayout.problems import Problem, display_path


def check_citations(docs_dir: Path, bibliography: Bibliography, root: Path) -> list[Problem]:
    """Unknown keys in every page of every language, so that one run reports them all."""
    problems: list[Problem] = []
    for page in sorted(docs_dir.rglob("*.md")):
        try:
            source = page.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # reported by the page checks
        if "@" not in source:
            continue
        offset = body_line_offset(source)
        body = "\n".join(source.splitlines()[offset:])
        problems += unknown_key_problems(find_citations(body, offset), bibliography, display_path(page, root))
    return problems


def check_bibliography_and_citations(bibliography_dir: Path, docs_dir: Path, root: Path, languages: list[str]) -> list[Problem]:
    bibliography, problems = read_bibliography(bibliography_dir, root)
    _, topic_problems = read_topic_labels(bibliography_dir, bibliography.topics(), languages, root)
    return sorted(problems + topic_problems + check_citations(docs_dir, bibliography, root))
