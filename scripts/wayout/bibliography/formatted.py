"""What formatting an entry or a citation produces: the same text as HTML and as plain text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderedText:
    html: str
    text: str


@dataclass(frozen=True)
class InTextAuthor:
    parenthetical: RenderedText  # "Horgan & Braddock", inside (…)
    narrative: RenderedText  # "Horgan and Braddock", in running text


@dataclass(frozen=True)
class FormattedEntry:
    key: str
    language: str
    html: str  # the reference-list entry, DOIs and URLs as <a href> links
    text: str
    in_text_author: InTextAuthor
    year_label: str  # "2017a", "n.d.", "s.d.-b"
    sort_key: tuple  # APA reference-list order, the same in every language
