"""Translation status: for every English page and every other language, whether the translation is
current (it records the hash of the English text it translates, and that text has not changed),
outdated (the English page changed since, or the translation records no hash) or missing.

The English file's bytes are hashed, so any edit of the English page, even a typo fix, marks its
translations outdated; a translator who checks the change and finds nothing to translate marks
the page current again with `wayout i18n --mark`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from wayout.frontmatter import parse_front_matter

HASH_LENGTH = 12
STATES = ("current", "outdated", "missing")


@dataclass(frozen=True)
class PageStatus:
    language: str
    page: str  # the page's path inside its language folder, e.g. "awareness/police.md"
    state: str  # one of STATES
    recorded_hash: str | None = None
    english_hash: str = ""
    reviewed_by: str | None = None


def source_hash(english_file: Path) -> str:
    return hashlib.sha256(english_file.read_bytes()).hexdigest()[:HASH_LENGTH]


def translation_record(text: str) -> dict:
    """The `translation` mapping of a page's front matter, or {} (also when the front matter is
    broken: the page checks report that)."""
    front, problems = parse_front_matter(text, "<page>")
    if front is None or problems:
        return {}
    record = front.data.get("translation")
    return record if isinstance(record, dict) else {}


def page_status(docs_dir: Path, default_language: str, language: str, page: str) -> PageStatus:
    english_file = docs_dir / default_language / page
    english = source_hash(english_file)
    translated_file = docs_dir / language / page
    if not translated_file.is_file():
        return PageStatus(language, page, "missing", None, english)
    record = translation_record(translated_file.read_text("utf-8"))
    recorded = record.get("source_hash")
    recorded = None if recorded is None else str(recorded)  # twelve digits unquoted read as a number
    state = "current" if recorded == english else "outdated"
    return PageStatus(language, page, state, recorded, english, record.get("reviewed_by"))


def translation_status(docs_dir: Path, default_language: str, languages: list[str]) -> list[PageStatus]:
    """The status of every English page in every other language, by language then page."""
    english_pages = sorted(path.relative_to(docs_dir / default_language).as_posix()
                           for path in (docs_dir / default_language).rglob("*.md"))
    return [
        page_status(docs_dir, default_language, language, page)
        for language in languages if language != default_language
        for page in english_pages
    ]


def summary(statuses: list[PageStatus]) -> dict[str, dict[str, int]]:
    """{language: {state: count}} with every state present."""
    counts: dict[str, dict[str, int]] = {}
    for status in statuses:
        counts.setdefault(status.language, dict.fromkeys(STATES, 0))[status.state] += 1
    return counts


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?\n)(?P<close>---|\.\.\.)[ \t]*\n", re.DOTALL)
_HASH_LINE = re.compile(r"^(?P<indent>[ \t]+)source_hash:.*$", re.MULTILINE)
_TRANSLATION_LINE = re.compile(r"^translation:[ \t]*$", re.MULTILINE)


def mark_current(translated_file: Path, english_file: Path) -> str:
    """Record in the translation's front matter that it translates the English page as it is now.
    Only that one line changes, so the rest of the front matter keeps its layout and comments.
    Returns the hash written."""
    text = translated_file.read_text("utf-8")
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ValueError(f"{translated_file} has no front matter — copy it from the English page first")
    new_hash = source_hash(english_file)
    # Quoted only when YAML would read it as a number (all digits), so most records stay as they were.
    written = f'"{new_hash}"' if new_hash.isdigit() else new_hash
    body = match.group("body")
    if _HASH_LINE.search(body):
        body = _HASH_LINE.sub(lambda line: f"{line.group('indent')}source_hash: {written}", body, count=1)
    elif _TRANSLATION_LINE.search(body):
        body = _TRANSLATION_LINE.sub(f"translation:\n  source_hash: {written}", body, count=1)
    else:
        body += f"translation:\n  source_hash: {written}\n"
    translated_file.write_text(text[: match.start("body")] + body + text[match.end("body"):], encoding="utf-8")
    return new_hash
