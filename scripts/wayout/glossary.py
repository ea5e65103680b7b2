"""The glossary: terms with a one-sentence definition, kept per language in
docs/<language>/glossary/terms.yml, checked like front matter and shown on the glossary page and
as tooltips where a term first occurs on another page."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from wayout.problems import Problem
from wayout.text_cache import TextCache

# libyaml's parser when PyYAML has it: the same nodes and line marks, several times faster.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TERMS_FILE = "terms.yml"
MAX_DEFINITION_WORDS = 30
# en: the English term a translation translates; en_hash: that English entry as it was translated
# (wayout.glossary_translations).
_FIELDS = {"term", "definition", "source", "forms", "en", "en_hash"}


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    anchor: str
    forms: tuple[str, ...]  # every form recognised in text, the term first
    source: str | None = None
    line: int = 1


def anchor_for(term: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return "term-" + re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass(frozen=True)
class GlossaryItem:
    line: int  # of the item's `- `
    data: object  # the item as YAML loads it: a term's is a mapping


# mkdocs-static-i18n builds each language in turn, and each build loads every language's glossary
# (an untranslated page links to the terms of the language it is written in); the translation
# status reads them too. Callers only read the items.
_ITEMS: TextCache[tuple[tuple[GlossaryItem, ...], Problem | None]] = TextCache(limit=100)


def glossary_items(text: str) -> tuple[tuple[GlossaryItem, ...], Problem | None]:
    """The items of a glossary file's text; or none, and the problem (its path left empty) that
    stops the text from being read as a list."""
    return _ITEMS.get(text, lambda: _parse_items(text))


def _parse_items(text: str) -> tuple[tuple[GlossaryItem, ...], Problem | None]:
    try:
        nodes = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return (), Problem("", mark.line + 1 if mark else 1, f"the glossary is not valid YAML ({getattr(error, 'problem', error)})",
                           "fix the syntax; each term is a `- term:` item")
    if nodes is None:
        return (), None
    if not isinstance(nodes, yaml.SequenceNode):
        return (), Problem("", nodes.start_mark.line + 1, "the glossary is not a list of terms", "write each term as a `- term:` item")
    return tuple(
        GlossaryItem(item.start_mark.line + 1, yaml.safe_load(yaml.serialize(item)) if isinstance(item, yaml.MappingNode) else None)
        for item in nodes.value
    ), None


def load_glossary(path: Path, display: str) -> tuple[list[Term], list[Problem]]:
    """The terms of one language's glossary file, and every problem in it."""
    items, problem = glossary_items(path.read_text("utf-8"))
    if problem is not None:
        return [], [replace(problem, path=display)]
    terms, problems, seen = [], [], {}
    for item in items:
        line, data = item.line, item.data
        if not isinstance(data, dict):
            problems.append(Problem(display, line, "a glossary item is not a term", "write `- term:` with `definition:` below it"))
            continue
        for key in data:
            if key not in _FIELDS:
                problems.append(Problem(display, line, f"unknown glossary field `{key}`", f"use only: {', '.join(sorted(_FIELDS))}"))
        term, definition = data.get("term"), data.get("definition")
        if not isinstance(term, str) or not term.strip():
            problems.append(Problem(display, line, "a glossary item has no `term`", "add `term:` with the word as it appears in text"))
            continue
        if not isinstance(definition, str) or not definition.strip():
            problems.append(Problem(display, line, f"the term “{term}” has no definition", "add `definition:` with one plain sentence"))
            continue
        words = len(definition.split())
        if words > MAX_DEFINITION_WORDS:
            problems.append(Problem(display, line, f"the definition of “{term}” has {words} words",
                                    f"write one sentence of at most {MAX_DEFINITION_WORDS} words"))
        forms = data.get("forms") or []
        if not isinstance(forms, list) or not all(isinstance(form, str) and form.strip() for form in forms):
            problems.append(Problem(display, line, f"`forms` of “{term}” is not a list of words", "write `forms: [word, other word]`"))
            forms = []
        # A translated entry keeps the anchor of the English term it translates, so that a link
        # to a term works whichever language's glossary page it lands on.
        english = data.get("en")
        anchor = anchor_for(english if isinstance(english, str) and english.strip() else term)
        if anchor in seen:
            problems.append(Problem(display, line, f"the term “{term}” is already defined on line {seen[anchor]}", "merge the two entries"))
            continue
        seen[anchor] = line
        source = data.get("source")
        terms.append(Term(term.strip(), definition.strip(), anchor, tuple(dict.fromkeys([term.strip(), *forms])),
                          source if isinstance(source, str) else None, line))
    return terms, problems


def programme_names(front: dict) -> list[str]:
    """The names a programme profile's front matter gives its programme, as pages write them: no
    glossary term is linked inside one."""
    names = front.get("names") if front.get("type") == "programme" else None
    if not isinstance(names, dict):
        return []
    return [name.strip() for key in ("original", "english") if isinstance(name := names.get(key), str) and name.strip()]


def glossary_markdown(terms: list[Term]) -> str:
    """The glossary as a Markdown definition list, in alphabetical order, with a citation for each source."""
    blocks = []
    for term in sorted(terms, key=lambda item: _sort_key(item.term)):
        cite = f" [@{term.source}]" if term.source else ""
        blocks.append(f"{term.term} {{ #{term.anchor} }}\n\n:   {term.definition}{cite}")
    return "\n\n".join(blocks) + "\n"


def _sort_key(term: str) -> str:
    """Accents do not move a word to the end: Évaluation sorts with E, Übergang with U."""
    return "".join(character for character in unicodedata.normalize("NFKD", term) if not unicodedata.combining(character)).casefold()


def glossary_files(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.glob(f"*/glossary/{TERMS_FILE}"))


def unknown_source_problems(terms: list[Term], known_keys, display: str) -> list[Problem]:
    return [
        Problem(display, term.line, f"the source `{term.source}` of “{term.term}” is not in the bibliography",
                "use a key from bibliography/*.bib, or remove `source:`")
        for term in terms if term.source and term.source not in known_keys
    ]


def check_glossaries(docs_dir: Path, known_keys, root: Path) -> list[Problem]:
    """Every problem in every language's glossary file, sources included."""
    from wayout.problems import display_path

    problems = []
    for path in glossary_files(docs_dir):
        display = display_path(path, root)
        terms, found = load_glossary(path, display)
        problems += found + unknown_source_problems(terms, known_keys, display)
    return problems
