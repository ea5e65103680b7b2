"""The language-independent facts APA needs about an entry, worked out once per bibliography load."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from wayout.bibliography.casing import sentence_case
from wayout.bibliography.langids import ENGLISH, language_tag
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
    # APA reference-list order: creators name by name, then year with n.d. first, then title (see
    # reference_list_order). Worked out with the entry rather than when first asked for: a cached
    # property would give each formatted entry a dictionary of its own for the life of the build.
    sort_key: tuple
    language: str = ENGLISH  # BCP 47 tag of the work's language (its `langid`)
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
        """A title field in APA sentence case; the same in every language, so worked out once.
        Sentence case is a rule of English: a title in another language is shown as written."""
        if self.language != ENGLISH:
            return self.text(name)
        if name not in self._sentence_cased:
            value = self.source.fields.get(name, "").strip()
            self._sentence_cased[name] = sentence_case(latex_segments(value)) if value else None
        return self._sentence_cased[name]

    def raw(self, name: str) -> str | None:
        return self.source.fields.get(name, "").strip() or None

    @property
    def title_sort_key(self) -> str:
        return title_sort_key(self.title)


def title_sort_key(title: str) -> str:
    return _LEADING_ARTICLE.sub("", fold(title))


def reference_list_order(key: str, creators: Creators | None, year: str | None, title: str) -> tuple:
    """APA reference-list order: creators name by name, then year with n.d. first, then title."""
    if creators is None:
        creators_key: tuple = ((title_sort_key(title), ""),)
    else:
        creators_key = tuple(name.sort_key for name in creators.names)
        # "and others" stands for more names, so it sorts after the same list without it
        creators_key += ((("\uffff", ""),) if creators.and_others else ())
    year_key = (1, year) if year else (0, "")
    return (creators_key, year_key, title_sort_key(title), key)


def prepare_entry(entry: BibEntry) -> PreparedEntry:
    year_field = entry.fields.get("year", "").strip()
    creators = entry_creators(entry)
    year = year_field if YEAR_SHAPE.match(year_field) else None
    title = latex_to_plain(entry.fields.get("title", ""))
    return PreparedEntry(
        source=entry, creators=creators, year=year, title=title,
        sort_key=reference_list_order(entry.key, creators, year, title),
        language=language_tag(entry.fields.get("langid")) or ENGLISH,
    )  # fmt: skip


def prepare_entries(bibliography: Bibliography) -> Mapping[str, PreparedEntry]:
    return {key: prepare_entry(entry) for key, entry in bibliography.entries.items()}
