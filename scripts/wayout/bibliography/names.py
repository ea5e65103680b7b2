"""Authors, editors and group authors of an entry, parsed once into what APA shows and sorts by."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pybtex.database import Person

from wayout.bibliography.latex import latex_to_plain
from wayout.bibliography.sources import BibEntry


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


def group_name(person: Person) -> str | None:
    """The full name of a group or organisation, or None for a person.

    A name in double braces ({{Council of Europe}}) or of one word only is a group or an
    organisation: shown in full, never abbreviated."""
    has_given = person.first_names or person.middle_names
    if not has_given and not person.prelast_names and len(person.last_names) == 1:
        return _strip_outer_braces(person.last_names[0])
    return None


def person_creator(person: Person) -> Creator:
    group = group_name(person)
    if group is not None:
        return Creator(surname=group, initials="", lineage="", is_group=True)
    surname = latex_to_plain(" ".join(person.prelast_names + person.last_names))
    initials = " ".join([initial(name) for name in person.first_names + person.middle_names])
    lineage = latex_to_plain(" ".join(person.lineage_names)) if person.lineage_names else ""
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
        persons = entry.persons.get(role)
        if persons:
            named = [person for person in persons if str(person).strip().lower() != "others"]
            and_others = len(named) < len(persons)
            if named:
                return Creators(tuple(person_creator(person) for person in named), role, and_others)
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
