"""The language-independent facts APA needs about an entry, worked out once per bibliography load."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from wayout.bibliography.casing import sentence_case
from wayout.bibliography.latex import latex_segments, latex_to_plain
from wayout.bibliography.names import Creators, entry_creators, fold
from wayout.bibliography.sources import YEAR_SHAPE, BibEntry, Bibliography

# APA alphabetises titles ignoring a leading article (Publication Manual 9.46-9.47).
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


@dataclass(frozen=True)
class PreparedEntry:
    source: BibEntry
    creators: Creators | None
    year: str | None  # None: undated, shown as "n.d."
    title: str  # plain text, for sorting
    letter: str = ""  # "a", "b": same creators, same year (set by disambiguation)
    names_in_citation: int = 1  # names before "et al." for 3+ creators (set by disambiguation)
    _text: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _sentence_cased: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def type(self) -> str:
        return self.source.type

    def text(self, name: str) -> str | None:
        """A field as plain text (LaTeX resolved), worked out once per load however many languages
        format it; None when the field is missing or blank. It may be "" (a value of only `{}`)."""
        if name not in self._text:
            value = self.source.fields.get(name, "").strip()
            self._text[name] = latex_to_plain(value) if value else None
        return self._text[name]

    def text_in_sentence_case(self, name: str) -> str | None:
        """A title field in APA sentence case; the same in every language, so worked out once."""
        if name not in self._sentence_cased:
            value = self.source.fields.get(name, "").strip()
            self._sentence_cased[name] = sentence_case(latex_segments(value)) if value else None
        return self._sentence_cased[name]

    def raw(self, name: str) -> str | None:
        return self.source.fields.get(name, "").strip() or None

    @property
    def title_sort_key(self) -> str:
        return _LEADING_ARTICLE.sub("", fold(self.title))

    @cached_property
    def sort_key(self) -> tuple:
        """APA reference-list order: creators name by name, then year with n.d. first, then title."""
        if self.creators is None:
            creators_key: tuple = ((self.title_sort_key, ""),)
        else:
            creators_key = tuple(name.sort_key for name in self.creators.names)
            # "and others" stands for more names, so it sorts after the same list without it
            creators_key += ((("\uffff", ""),) if self.creators.and_others else ())
        year_key = (1, self.year) if self.year else (0, "")
        return (creators_key, year_key, self.title_sort_key, self.key)


def prepare_entry(entry: BibEntry) -> PreparedEntry:
    year = entry.fields.get("year", "").strip()
    return PreparedEntry(
        source=entry,
        creators=entry_creators(entry),
        year=year if YEAR_SHAPE.match(year) else None,
        title=latex_to_plain(entry.fields.get("title", "")),
    )


def prepare_entries(bibliography: Bibliography) -> Mapping[str, PreparedEntry]:
    return {key: prepare_entry(entry) for key, entry in bibliography.entries.items()}
