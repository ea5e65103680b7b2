"""Translation status of the glossary, term by term.

The glossary is a data file (docs/<language>/glossary/terms.yml), not a page with front matter, and
its terms change one at a time: a hash of the whole English file would mark every translated term
outdated when one definition is reworded. So each translated entry records, next to `en:` (the
English term it translates), `en_hash:` — the hash of that English entry (term, definition, forms,
source) when it was translated. A term is current when the hashes agree, outdated when they do not
(or nothing is recorded), missing when no entry translates it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from wayout.glossary import TERMS_FILE, GlossaryItem, anchor_for, glossary_items
from wayout.problems import Problem, display_path
from wayout.translations import HASH_LENGTH

DEFAULT_GLOSSARY_DIR = "glossary"


@dataclass(frozen=True)
class TermStatus:
    language: str
    term: str  # the English term
    state: str  # current, outdated or missing
    line: int | None = None  # of the translated entry


def english_entry_hash(data: dict) -> str:
    """The hash of what a translation of this English entry has to say again."""
    meaning = {name: data.get(name) for name in ("term", "definition", "forms", "source")}
    text = json.dumps(meaning, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _entries(path: Path) -> list[GlossaryItem]:
    """The terms of a glossary file, as written; a file that does not parse has none (the glossary
    check reports why)."""
    try:
        text = path.read_text("utf-8")
    except OSError:
        return []
    items, _problem = glossary_items(text)
    return [item for item in items if isinstance(item.data, dict) and isinstance(item.data.get("term"), str)]


def _english_by_anchor(docs_dir: Path, default_language: str, glossary_dir: str) -> dict[str, GlossaryItem]:
    return {anchor_for(entry.data["term"]): entry for entry in _entries(docs_dir / default_language / glossary_dir / TERMS_FILE)}


def _translated_by_anchor(path: Path) -> dict[str, GlossaryItem]:
    return {anchor_for(entry.data["en"]): entry for entry in _entries(path) if isinstance(entry.data.get("en"), str)}


def glossary_status(docs_dir: Path, default_language: str, languages: list[str],
                    glossary_dir: str = DEFAULT_GLOSSARY_DIR) -> list[TermStatus]:
    """The status of every English term in every other language, by language then term."""
    english = _english_by_anchor(docs_dir, default_language, glossary_dir)
    statuses = []
    for language in languages:
        if language == default_language:
            continue
        translated = _translated_by_anchor(docs_dir / language / glossary_dir / TERMS_FILE)
        for anchor, entry in sorted(english.items()):
            found = translated.get(anchor)
            if found is None:
                statuses.append(TermStatus(language, entry.data["term"], "missing"))
                continue
            current = str(found.data.get("en_hash")) == english_entry_hash(entry.data)
            statuses.append(TermStatus(language, entry.data["term"], "current" if current else "outdated", found.line))
    return statuses


def stray_translations(docs_dir: Path, default_language: str, languages: list[str], root: Path,
                       glossary_dir: str = DEFAULT_GLOSSARY_DIR) -> list[Problem]:
    """Translated entries whose `en:` names no English term (renamed or removed in English), and
    entries without `en:`, which no status can be given for."""
    english = _english_by_anchor(docs_dir, default_language, glossary_dir)
    problems = []
    for language in languages:
        if language == default_language:
            continue
        path = docs_dir / language / glossary_dir / TERMS_FILE
        if not path.is_file():
            continue
        display = display_path(path, root)
        for entry in _entries(path):
            named = entry.data.get("en")
            if not isinstance(named, str) or not named.strip():
                problems.append(Problem(display, entry.line, f"the term “{entry.data['term']}” does not say which English term it translates",
                                        "add `en:` with the English term from docs/en/glossary/terms.yml"))
            elif anchor_for(named) not in english:
                problems.append(Problem(display, entry.line, f"“{named}” (`en:` of “{entry.data['term']}”) is not an English glossary term",
                                        "use the English term exactly as in docs/en/glossary/terms.yml, or remove the entry if English dropped it"))
    return problems


_ITEM = re.compile(r"^- ", re.MULTILINE)
_EN_LINE = re.compile(r"^(?P<indent>[ \t]+)en:.*$", re.MULTILINE)
_HASH_LINE = re.compile(r"^[ \t]+en_hash:.*\n?", re.MULTILINE)


def mark_glossary_current(translated_file: Path, english_file: Path) -> int:
    """Record in each translated entry the hash of the English entry it translates now. Only the
    `en_hash:` lines change, so comments and layout stay. Returns how many entries were marked."""
    english = {anchor_for(entry.data["term"]): english_entry_hash(entry.data) for entry in _entries(english_file)}
    text = translated_file.read_text("utf-8")
    starts = [match.start() for match in _ITEM.finditer(text)]
    pieces, marked = [text[: starts[0]] if starts else text], 0
    for index, start in enumerate(starts):
        block = text[start: starts[index + 1] if index + 1 < len(starts) else len(text)]
        data = yaml.safe_load(block)
        item = data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else {}
        wanted = english.get(anchor_for(item["en"])) if isinstance(item.get("en"), str) else None
        en_line = _EN_LINE.search(block)
        if wanted and en_line:
            block = _HASH_LINE.sub("", block)
            en_line = _EN_LINE.search(block)
            insert = en_line.end()
            # Quoted: a hash of twelve digits would otherwise be read back as a number.
            block = block[:insert] + f"\n{en_line.group('indent')}en_hash: \"{wanted}\"" + block[insert:]
            marked += 1
        pieces.append(block)
    translated_file.write_text("".join(pieces), encoding="utf-8")
    return marked
