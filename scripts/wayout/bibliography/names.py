"""Authors, editors and group authors of an entry, parsed once into what APA shows and sorts by."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from wayout.bibliography.latex import latex_to_plain
from wayout.bibliography.sources import BibEntry, Name, name_text


@dataclass(frozen=True)
class Creator:
    surname: str  # "van der Heide"; a group's full name
    initials: str  # "J. G."; empty for a group
    lineage: str  # "Jr."
    is_group: bool

    @property
    def identity(self) -> tuple[str, str, str]:
        """Two creators with the same identity are the same person for APA's same-author rules."""
        return (fold(self.surname), fold(self.initials), fold(self.lineage))

    @property
    def sort_key(self) -> tuple[str, str]:
        return (fold(self.surname), fold(self.initials))


@dataclass(frozen=True)
class Creators:
    """Who an entry is by, as APA names it: authors, else editors, else a group such as an institution."""

    names: tuple[Creator, ...]
    role: str  # "author", "editor", "institution", "organization"
    and_others: bool  # the source list ended in "and others"

    @property
    def is_editors(self) -> bool:
        return self.role == "editor"

    @property
    def count(self) -> int:
        """How many people the work has, counting an "and others" as at least one more."""
        return len(self.names) + (1 if self.and_others else 0)

    @property
    def identity(self) -> tuple:
        return (tuple(name.identity for name in self.names), self.and_others)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form for sorting and comparing ("Lösel" sorts as "losel")."""
    if text.isascii():
        return text.lower()  # what the decomposition below gives for ASCII, at a fraction of the cost
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def group_name(name: Name) -> str | None:
    """The full name of a group or organisation, or None for a person.

    A name in double braces ({{Council of Europe}}) or of one word only is a group or an
    organisation: shown in full, never abbreviated."""
    first, middle, prelast, last, _lineage = name
    if not first and not middle and not prelast and len(last) == 1:
        return _strip_outer_braces(last[0])
    return None


def is_others(name: Name) -> bool:
    """Whether the name is BibTeX's "and others", which stands for names left out."""
    # A name with a given name and a surname is written "Surname, Given", which cannot read
    # "others": decided without writing the name out, as almost every name is decided.
    first, _middle, _prelast, last, _lineage = name
    if first and last and first[0] and last[0]:
        return False
    return name_text(name).strip().lower() == "others"


@lru_cache(maxsize=65536)  # authors recur from entry to entry: one Creator each, worked out once
def person_creator(name: Name) -> Creator:
    group = group_name(name)
    if group is not None:
        return Creator(surname=group, initials="", lineage="", is_group=True)
    first, middle, prelast, last, lineage_words = name
    surname = latex_to_plain(" ".join(prelast + last))
    initials = " ".join([initial(given) for given in first + middle])
    lineage = latex_to_plain(" ".join(lineage_words)) if lineage_words else ""
    return Creator(surname=surname, initials=initials, lineage=lineage, is_group=False)


@lru_cache(maxsize=65536)  # given names repeat: "John", "Daniel"
def initial(given_name: str) -> str:
    """ "John" → "J.", "Marc-Andre" → "M.-A.", "D." → "D."."""
    plain = latex_to_plain(given_name)
    parts = [part for part in plain.split("-") if part]
    return "-".join(part if part.endswith(".") and len(part) <= 3 else part[0] + "." for part in parts)


def group_creator(name: str) -> Creator:
    return Creator(surname=_strip_outer_braces(name), initials="", lineage="", is_group=True)


def entry_creators(entry: BibEntry) -> Creators | None:
    """Authors, else editors; for reports the institution and for documents the organisation."""
    for role in ("author", "editor"):
        names = entry.names.get(role)
        if names:
            named = [name for name in names if not is_others(name)]
            and_others = len(named) < len(names)
            if named:
                return Creators(tuple(person_creator(name) for name in named), role, and_others)
    group_field = {"techreport": "institution", "report": "institution"}.get(entry.type, "organization")
    if entry.fields.get(group_field):
        return Creators((group_creator(entry.fields[group_field]),), group_field, False)
    return None


def _strip_outer_braces(latex: str) -> str:
    text = latex.strip()
    while text.startswith("{") and text.endswith("}") and _outer_braces_match(text):
        text = text[1:-1].strip()
    return latex_to_plain(text)


def _outer_braces_match(text: str) -> bool:
    depth = 0
    for index, character in enumerate(text):
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0
