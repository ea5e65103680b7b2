"""APA 7th edition reference-list entries, built as strings.

One ApaStyle per language: the terms ("&", "Eds.", "pp.", "n.d.") come from terms.yml. The entries
formatted are PreparedEntry objects whose names, LaTeX and sentence-cased titles were worked out
once for all languages, so formatting an entry in a language is string work only.

The templates below were first written with pybtex.style.template (`phrase`, `first_of`,
`optional`, `tag`), and keep its rules, so that the output stays the same to the character: a part
the entry can do without is left out when its field is missing, a missing field the entry needs
makes the whole entry fail (_Missing), `phrase` joins the parts that have text and may close them
with a full stop. Building strings directly (render.py) instead of pybtex rich-text objects is what
makes an entry cost tens of microseconds instead of half a millisecond.

Reference-list shapes (Publication Manual, 7th ed., chapters 9-10), English terms:
  article        Author, A. A., & Author, B. B. (Year). Title in sentence case. *Journal*, *Volume*(Issue), pages. DOI
  book           Author, A. A. (Year). *Title in sentence case* (5th ed.). Publisher. DOI
  edited book    Editor, A. A., & Editor, B. B. (Eds.). (Year). *Title*. Publisher.
  incollection   Author, A. A. (Year). Chapter title. In E. E. Editor (Ed.), *Book title* (pp. 1–10). Publisher. DOI
  techreport     Author, A. A. (Year). *Title* (Report No. 123). Institution. URL
  misc / online  Author. (Year). *Title*. How published. Publisher. URL
  thesis         Author, A. A. (Year). *Title* [Doctoral dissertation, School]. URL
Publisher locations are left out (APA 7 dropped them); a publisher that is also the author is left
out (APA 9.29); a group author is never abbreviated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote

from wayout.bibliography.formatted import RenderedText
from wayout.bibliography.langids import ENGLISH
from wayout.bibliography.names import Creator, fold, is_others, person_creator
from wayout.bibliography.prepared import PreparedEntry
from wayout.bibliography.render import (
    NOTHING, Part, in_language, in_parentheses, italic, joined, linked, phrase, plain, rendered,
)  # fmt: skip
from wayout.bibliography.terms import Terms
from wayout.language_tags import base_language

MAX_LISTED_AUTHORS = 20  # APA 9.8: up to 20 authors; from 21, the first 19, an ellipsis, the last
_HYPHENS = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")
_ARTICLE_NUMBER = re.compile(r"^(?:[eE]\d+|0\d+)$")  # e1174, 0095: an article number, not a page
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


class _Missing(Exception):
    """A field the entry needs is missing: the entry cannot be formatted."""

    def __init__(self, field_name: str):
        super().__init__(field_name)
        self.field_name = field_name


# --- the parts ------------------------------------------------------------------------------------
# A part the entry can do without is NOTHING when its field is missing; a field the entry needs is
# read with _required.


def _required(value: str | None, field_name: str) -> str:
    if value is None:
        raise _Missing(field_name)
    return value


def _creators(entry: PreparedEntry, terms: Terms) -> Part:
    """Authors (or editors, or the group) as they open a reference-list entry."""
    creators = entry.creators
    assert creators is not None
    names = [_inverted(name) for name in creators.names]
    listed = reference_list_names(names, creators.and_others, terms)
    if creators.is_editors:
        listed += f" ({terms.editors if creators.count > 1 else terms.editor})"
    return plain(listed)


def _editors_in(entry: PreparedEntry, terms: Terms) -> Part:
    """"N. Clycq, C. Timmerman, & S. Ravn (Eds.)" for the "In …" of a chapter."""
    if entry.creators is not None and entry.creators.is_editors:
        return NOTHING  # the editors already lead the entry
    editors = entry.source.names.get("editor") or ()
    named = [name for name in editors if not is_others(name)]
    if not named:
        return NOTHING
    names = [_initials_first(person_creator(name)) for name in named]
    and_others = len(named) < len(editors)
    if and_others:
        listed = ", ".join(names) + ", " + terms.et_al
    else:
        listed = join_names(names, terms.and_in_parentheses, terms, inverted=False)
    count = len(names) + (1 if and_others else 0)
    return plain(listed + f" ({terms.editors if count > 1 else terms.editor})")


def _pages_with_label(entry: PreparedEntry, terms: Terms) -> Part:
    """"pp. 267–291" / "p. 12" (chapters in an edited book)."""
    if entry.raw("pages") is None:
        return NOTHING
    shown = dash_ranges(entry.text("pages"))
    label = terms.pages if "\u2013" in shown or "," in shown else terms.page
    return plain(label + " " + shown)


def _article_pages(entry: PreparedEntry, terms: Terms) -> Part:
    """Pages of an article, or "Article e1174" when the journal numbers articles instead (APA 9.27)."""
    eid = entry.raw("eid")
    value = eid or entry.raw("pages")
    if value is None:
        return NOTHING
    if eid or _ARTICLE_NUMBER.match(value):
        return plain(terms.article_number + " " + value)
    return plain(dash_ranges(entry.text("pages")))


def _edition(entry: PreparedEntry, terms: Terms) -> Part:
    value = entry.text("edition")
    return NOTHING if value is None else plain(terms.edition_label(value))


def _report_number(entry: PreparedEntry, terms: Terms) -> Part:
    """"(NIJ Research in Brief NCJ 171676)", "(Report No. 2009-02)", or the type alone."""
    kind, number = entry.text("type"), entry.text("number")
    if kind is not None and number is not None:
        shown = kind + " " + number
    elif number is not None:
        shown = terms.report_number + " " + number
    elif kind is not None:
        shown = kind
    else:
        return NOTHING
    return plain("(" + shown + ")")


def _publisher_unless_author(entry: PreparedEntry, name: str = "publisher") -> Part:
    """APA 9.29: when the publisher is also the (group) author, it is not repeated."""
    value = entry.text(name)
    if value is None:
        return NOTHING
    if entry.creators is not None and any(fold(creator.surname) == fold(value) for creator in entry.creators.names):
        return NOTHING
    return plain(value)


def _web_link(entry: PreparedEntry) -> Part:
    """https://doi.org/… when there is a DOI (APA 9.34-9.35), else the URL."""
    doi = entry.raw("doi")
    if doi is not None:
        address = doi_address(doi)
        return linked(address, address)
    url = entry.raw("url")
    return NOTHING if url is None else linked(url, url)


def _head(entry: PreparedEntry, terms: Terms, title: Part) -> Part:
    """Creators. (Date). Title. — or, with no creator, Title. (Date). (APA 9.12)"""
    date = plain("(" + year_label(entry, terms) + ").")
    if entry.creators is None:
        return phrase([title, date])
    return phrase([phrase([_creators(entry, terms)], period=True), date, title])


def _title(entry: PreparedEntry, terms: Terms, style: Callable[[str], Part], name: str = "title") -> Part:
    """A title (or book title) in `style`, marked with its work's language when that is not the
    language of the list it is in: a screen reader then reads it in that language."""
    part = style(_required(entry.text_in_sentence_case(name), name))
    return in_language(part, None if _same_language(entry.language, terms.language) else entry.language)


def _description(text: str, terms: Terms) -> Part:
    """What `howpublished` says of a work ("Programme brochure", "Adopted by the Committee of
    Ministers on …"): written in English by the bibliography's contributors, whatever the work's
    language, so marked as English in another language's list."""
    return in_language(plain(text), None if _same_language(ENGLISH, terms.language) else ENGLISH)


def _same_language(work: str, reader: str) -> bool:
    return work == base_language(reader)


# --- the entry types ------------------------------------------------------------------------------


def _article(entry: PreparedEntry, terms: Terms) -> Part:
    number = entry.text("number")
    issue = NOTHING if number is None else plain("(" + number + ")")
    volume = entry.text("volume")
    # A journal without volumes (Journal for Deradicalization): the issue alone, in parentheses.
    volume_and_issue = joined(italic(volume), issue) if volume is not None else issue
    head = _head(entry, terms, phrase([_title(entry, terms, plain)], period=True))
    journal = italic(_required(entry.text("journal"), "journal"))
    return phrase(
        [
            head,
            phrase([journal, volume_and_issue, _article_pages(entry, terms)], sep=", ", period=True),
            _web_link(entry),
        ]
    )


def _book(entry: PreparedEntry, terms: Terms) -> Part:
    volume = entry.text("volume")
    details = in_parentheses([_edition(entry, terms), NOTHING if volume is None else plain(terms.volume + " " + volume)])
    return phrase(
        [
            _head(entry, terms, phrase([_title(entry, terms, italic), details], period=True)),
            phrase([_publisher_unless_author(entry)], period=True),
            _web_link(entry),
        ]
    )


def _chapter(entry: PreparedEntry, terms: Terms) -> Part:
    details = in_parentheses([_edition(entry, terms), _pages_with_label(entry, terms)])
    head = _head(entry, terms, phrase([_title(entry, terms, plain)], period=True))
    editors = _editors_in(entry, terms)
    book_title = _title(entry, terms, italic, "booktitle")
    return phrase(
        [
            head,
            phrase([plain(terms.in_), joined(editors, plain(",")) if editors[1] else NOTHING, book_title, details], period=True),
            phrase([_publisher_unless_author(entry)], period=True),
            _web_link(entry),
        ]
    )


def _report(entry: PreparedEntry, terms: Terms) -> Part:
    number = _report_number(entry, terms)
    return phrase(
        [
            _head(entry, terms, phrase([_title(entry, terms, italic), number], period=True)),
            phrase([_publisher_unless_author(entry, "institution")], period=True),
            _web_link(entry),
        ]
    )


def _document(entry: PreparedEntry, terms: Terms) -> Part:
    publisher = _publisher_unless_author(entry)
    if not publisher[1]:
        publisher = _publisher_unless_author(entry, "organization")
    head = _head(entry, terms, phrase([_title(entry, terms, italic)], period=True))
    how_published = entry.text("howpublished")
    return phrase(
        [
            head,
            NOTHING if how_published is None else phrase([_description(how_published, terms)], period=True),
            phrase([publisher], period=True),
            _web_link(entry),
        ]
    )


def _thesis(kind: str) -> Callable[[PreparedEntry, Terms], Part]:
    def thesis(entry: PreparedEntry, terms: Terms) -> Part:
        school = entry.text("school")
        description = plain("[" + getattr(terms, kind) + ("" if school is None else ", " + school) + "]")
        title = phrase([_title(entry, terms, italic), description], period=True)
        return phrase([_head(entry, terms, title), _web_link(entry)])

    return thesis


_TEMPLATES: dict[str, Callable[[PreparedEntry, Terms], Part]] = {
    "article": _article,
    "book": _book,
    "incollection": _chapter,
    "inproceedings": _chapter,
    "techreport": _report,
    "report": _report,
    "misc": _document,
    "online": _document,
    "phdthesis": _thesis("doctoral_thesis"),
    "mastersthesis": _thesis("masters_thesis"),
}


# --- the style -----------------------------------------------------------------------------------


class ApaStyle:
    """APA reference-list entries in the language of `terms`."""

    def __init__(self, terms: Terms):
        self.terms = terms

    def format_reference(self, entry: PreparedEntry) -> RenderedText:
        try:
            return rendered(_TEMPLATES[entry.type](entry, self.terms))
        except _Missing as missing:
            # Only an entry that failed the source checks lacks a required field; report it as
            # pybtex's styles do.
            from pybtex.style.template import FieldIsMissing

            raise FieldIsMissing(missing.field_name, entry) from None


# --- names, years and addresses, also used for in-text citations --------------------------------


def year_label(entry: PreparedEntry, terms: Terms) -> str:
    """"2017a"; undated works get "n.d." and, when several share an author, "n.d.-a" (APA 8.19)."""
    if entry.year:
        return entry.year + entry.letter
    return terms.no_date + (f"-{entry.letter}" if entry.letter else "")


def join_names(names: list[str], and_word: str, terms: Terms, inverted: bool) -> str:
    """"A", "A & B", "A, B, & C"; inverted names ("Horgan, J.") take the comma before "&" even for two."""
    if len(names) == 1:
        return names[0]
    use_comma = terms.comma_before_last_and and (inverted or len(names) > 2)
    last_separator = (", " if use_comma else " ") + and_word + " "
    return ", ".join(names[:-1]) + last_separator + names[-1]


def reference_list_names(names: list[str], and_others: bool, terms: Terms) -> str:
    if and_others:
        return ", ".join(names) + ", " + terms.et_al
    if len(names) > MAX_LISTED_AUTHORS:
        return ", ".join(names[: MAX_LISTED_AUTHORS - 1]) + ", . . . " + names[-1]
    return join_names(names, terms.and_in_parentheses, terms, inverted=True)


@lru_cache(maxsize=65536)  # the same in every language: worked out once per DOI
def doi_address(doi: str) -> str:
    bare = _DOI_PREFIX.sub("", doi.strip())
    return "https://doi.org/" + quote(bare, safe="/:;()[]._-<>#+~")


def dash_ranges(pages_text: str) -> str:
    return _HYPHENS.sub("\u2013", pages_text)


def _inverted(creator: Creator) -> str:
    if creator.is_group or not creator.initials:
        return creator.surname + (f", {creator.lineage}" if creator.lineage else "")
    return f"{creator.surname}, {creator.initials}" + (f", {creator.lineage}" if creator.lineage else "")


def _initials_first(creator: Creator) -> str:
    if creator.is_group or not creator.initials:
        return creator.surname
    return f"{creator.initials} {creator.surname}" + (f", {creator.lineage}" if creator.lineage else "")

