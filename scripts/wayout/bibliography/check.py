"""Every citation of every page checked against the bibliography, without building the site."""

from __future__ import annotations

from pathlib import Path

from wayout.bibliography.citations import find_citations, unknown_key_problems
from wayout.bibliography.sources import Bibliography, read_bibliography
from wayout.bibliography.topics import read_topic_labels
from wayout.problems import Problem, display_path

# Front-matter fields that name bibliography keys, and where the key sits in each item.
KEY_FIELDS = (("sources", None), ("key_studies", None), ("evaluations", "source"))


def check_citations(
    docs_dir: Path, bibliography: Bibliography, root: Path, pages: list[Path] | None = None
) -> list[Problem]:
    """Unknown keys in every page of every language (or in `pages`), so that one run reports them all."""
    problems: list[Problem] = []
    for page in sorted(docs_dir.rglob("*.md")) if pages is None else pages:
        from wayout.frontmatter import body_line_offset  # imported here: a site build often checks no page

        try:
            source = page.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # reported by the page checks
        shown = display_path(page, root)
        problems += front_matter_key_problems(source, bibliography, shown)
        if "@" not in source:
            continue
        offset = body_line_offset(source)
        body = "\n".join(source.splitlines()[offset:])
        problems += unknown_key_problems(find_citations(body, offset), bibliography, shown)
    return problems


def names_unknown_keys(front_matter: dict, bibliography: Bibliography) -> bool:
    """Whether already-parsed front matter names a key the bibliography lacks: a quick test before
    front_matter_key_problems() parses the page again for line numbers."""
    for field, inner in KEY_FIELDS:
        items = front_matter.get(field)
        for item in items if isinstance(items, list) else []:
            key = item.get(inner) if inner and isinstance(item, dict) else item
            if isinstance(key, str) and key not in bibliography:
                return True
    return False


def front_matter_key_problems(source: str, bibliography: Bibliography, shown: str) -> list[Problem]:
    """Bibliography keys named in front matter (a profile's sources, an evaluation's source)."""
    if not source.startswith("---"):
        return []
    # Only a page naming an unknown key gets here (see names_unknown_keys), so a build seldom needs these.
    import difflib

    from wayout.frontmatter import parse_front_matter

    front, _ = parse_front_matter(source, shown)  # syntax problems are the page checks' to report
    if front is None:
        return []
    problems = []
    known = list(bibliography.keys())
    for field, inner in KEY_FIELDS:
        for index, item in enumerate(front.data.get(field) or []):
            key = item.get(inner) if inner and isinstance(item, dict) else item
            path = (field, index, inner) if inner else (field, index)
            if isinstance(key, str) and key not in bibliography:
                close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
                fix = ("did you mean " + ", ".join(f"`{k}`" for k in close) + "?") if close else "add the work to a file in bibliography/"
                problems.append(Problem(shown, front.line_of(path), f"unknown bibliography key `{key}` in `{field}`", fix))
    return problems


def check_bibliography_and_citations(bibliography_dir: Path, docs_dir: Path, root: Path, languages: list[str]) -> list[Problem]:
    bibliography, problems = read_bibliography(bibliography_dir, root)
    _, topic_problems = read_topic_labels(bibliography_dir, bibliography.topics(), languages, root)
    return sorted(problems + topic_problems + check_citations(docs_dir, bibliography, root))
