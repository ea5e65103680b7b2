"""APA 7th edition reference-list entries, built as strings.

One ApaStyle per language: the terms ("&", "Eds.", "pp.", "n.d.") come from terms.yml. The entries
formatted are PreparedEntry objects whose names, LaTeX and sentence-cased titles were worked out
once for all languages, so formatting an entry in a language is string work only.

The templates below were first written with pybtex.style.template (`phrase`, `first_of`,
`optional`, `tag`), and keep its rules, so that the output stays the same to the character: a part
whose field is missing raises _Missing, which `_optional` turns into nothing and which otherwise
makes the whole entry fail; `_first_of` takes the first part that has text; `_phrase` joins the
parts that have text and may close them with a full stop. Building strings directly instead of
pybtex rich-text objects is what makes an entry cost tens of microseconds instead of half a
millisecond.

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
from wayout.bibliography.names import Creator, fold, person_creator
from wayout.bibliography.prepared import PreparedEntry
from wayout.bibliography.render import EMPHASIS, PLAIN, Piece, link, render
from wayout.bibliography.terms import Terms

MAX_LISTED_AUTHORS = 20  # APA 9.8: up to 20 authors; from 21, the first 19, an ellipsis, the last
_HYPHENS = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")
_ARTICLE_NUMBER = re.compile(r"^(?:[eE]\d+|0\d+)$")  # e1174, 0095: an article number, not a page
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ENDS_A_SENTENCE = (".", "?", "!")

Pieces = list[Piece]


class _Missing(Exception):
    """A field a part needs is missing: the part is left out where it is optional."""

    def __init__(self, field_name: str):
        super().__init__(field_name)
        self.field_name = field_name


# --- how parts combine ----------------------------------------------------------------------------


def _has_text(pieces: Pieces) -> bool:
    if pieces and pieces[0][0]:
        return True  # the usual case, decided without a loop
    for text, _style in pieces:
        if text:
            return True
    return False


def _ends_a_sentence(pieces: Pieces) -> bool:
    """Whether the text of the pieces, trailing spaces aside, ends in ".", "?" or "!"."""
    for text, _style in reversed(pieces):
        stripped = text.rstrip()
        if stripped:
            return stripped.endswith(_ENDS_A_SENTENCE)
    return False


def _phrase(parts: list[Pieces], sep: str = " ", period: bool = False) -> Pieces:
    """The parts that have text, joined by `sep`; with period=True, closed by a full stop unless
    the last one already ends in one (or in ? or !). The full stop goes after an italic title, not
    inside it, as APA sets it."""
    joined: Pieces = []
    last: Pieces | None = None
    for part in parts:
        if _has_text(part):
            if joined:
                joined.append((sep, PLAIN))
            joined.extend(part)
            last = part
    if period and last is not None and not _ends_a_sentence(last):
        joined.append((".", PLAIN))
    return joined


def _optional(build: Callable[[], Pieces]) -> Pieces:
    """The part, or nothing when a field it needs is missing."""
    try:
        return build()
    except _Missing:
        return []


def _first_of(*builds: Callable[[], Pieces]) -> Pieces:
    """The first part that has text; later ones are not even built."""
    for build in builds:
        part = build()
        if _has_text(part):
            return part
    return []


def _in_parentheses(parts: list[Pieces]) -> Pieces:
    """"(5th ed., pp. 55–84)" from whichever parts have text; nothing at all when none does."""
    joined: Pieces = []
    for part in parts:
        if _has_text(part):
            if joined:
                joined.append((", ", PLAIN))
            joined.extend(part)
    return [("(", PLAIN), *joined, (")", PLAIN)] if joined else []


def _italic(part: Pieces) -> Pieces:
    # Only plain text is ever set in italics here (titles, journals, volumes).
    return [(text, EMPHASIS) for text, _style in part]


def _text(text: str) -> Pieces:
    return [(text, PLAIN)]


# --- the parts ------------------------------------------------------------------------------------


def _field(entry: PreparedEntry, name: str) -> Pieces:
    """A field's text (LaTeX resolved), or _Missing."""
    value = entry.text(name)
    if value is None:
        raise _Missing(name)
    return _text(value)


def _field_in_sentence_case(entry: PreparedEntry, name: str) -> Pieces:
    value = entry.text_in_sentence_case(name)
    if value is None:
        raise _Missing(name)
    return _text(value)


def _creators(entry: PreparedEntry, terms: Terms) -> Pieces:
    """Authors (or editors, or the group) as they open a reference-list entry."""
    if entry.creators is None:
        raise _Missing("author")
    names = [_inverted(name) for name in entry.creators.names]
    listed = reference_list_names(names, entry.creators.and_others, terms)
    if entry.creators.is_editors:
        listed += f" ({terms.editors if entry.creators.count > 1 else terms.editor})"
    return _text(listed)


def _date_with_period(entry: PreparedEntry, terms: Terms) -> Pieces:
    """(2010). (2017a). (n.d.). (n.d.-a)."""
    return _text("(" + year_label(entry, terms) + ").")


def _editors_in(entry: PreparedEntry, terms: Terms) -> Pieces:
    """"N. Clycq, C. Timmerman, & S. Ravn (Eds.)" for the "In …" of a chapter; _Missing if none."""
    if entry.creators is not None and entry.creators.is_editors:
        raise _Missing("editor")  # the editors already lead the entry
    persons = entry.source.persons.get("editor") or ()
    named = [person for person in persons if str(person).strip().lower() != "others"]
    if not named:
        raise _Missing("editor")
    names = [_initials_first(person_creator(person)) for person in named]
    and_others = len(named) < len(persons)
    if and_others:
        listed = ", ".join(names) + ", " + terms.et_al
    else:
        listed = join_names(names, terms.and_in_parentheses, terms, inverted=False)
    count = len(names) + (1 if and_others else 0)
    return _text(listed + f" ({terms.editors if count > 1 else terms.editor})")


def _pages_with_label(entry: PreparedEntry, terms: Terms) -> Pieces:
    """"pp. 267–291" / "p. 12" (chapters in an edited book)."""
    if entry.raw("pages") is None:
        raise _Missing("pages")
    shown = dash_ranges(entry.text("pages"))
    label = terms.pages if "\u2013" in shown or "," in shown else terms.page
    return _text(label + " " + shown)


def _article_pages(entry: PreparedEntry, terms: Terms) -> Pieces:
    """Pages of an article, or "Article e1174" when the journal numbers articles instead (APA 9.27)."""
    value = entry.raw("eid") or entry.raw("pages")
    if value is None:
        raise _Missing("pages")
    if entry.raw("eid") or _ARTICLE_NUMBER.match(value):
        return _text(terms.article_number + " " + value)
    return _text(dash_ranges(entry.text("pages")))


def _edition(entry: PreparedEntry, terms: Terms) -> Pieces:
    value = entry.text("edition")
    if value is None:
        raise _Missing("edition")
    return _text(terms.edition_label(value))


def _report_number(entry: PreparedEntry, terms: Terms) -> Pieces:
    """"NIJ Research in Brief NCJ 171676", "Report No. 2009-02", or the type alone."""
    kind, number = entry.text("type"), entry.text("number")
    if kind is not None and number is not None:
        return _text(kind + " " + number)
    if number is not None:
        return _text(terms.report_number + " " + number)
    if kind is not None:
        return _text(kind)
    raise _Missing("number")


def _publisher_unless_author(entry: PreparedEntry, name: str = "publisher") -> Pieces:
    """APA 9.29: when the publisher is also the (group) author, it is not repeated."""
    value = entry.text(name)
    if value is None:
        raise _Missing(name)
    if entry.creators is not None and any(fold(creator.surname) == fold(value) for creator in entry.creators.names):
        raise _Missing(name)
    return _text(value)


def _web_link(entry: PreparedEntry) -> Pieces:
    """https://doi.org/… when there is a DOI (APA 9.34-9.35), else the URL."""
    doi = entry.raw("doi")
    if doi is not None:
        address = doi_address(doi)
        return [(address, link(address))]
    url = entry.raw("url")
    if url is not None:
        return [(url, link(url))]
    raise _Missing("url")


def _head(entry: PreparedEntry, terms: Terms, title: Callable[[], Pieces]) -> Pieces:
    """Creators. (Date). Title. — or, with no creator, Title. (Date). (APA 9.12)"""
    return _first_of(
        lambda: _optional(
            lambda: _phrase([_phrase([_creators(entry, terms)], period=True), _date_with_period(entry, terms), title()])
        ),
        lambda: _phrase([title(), _date_with_period(entry, terms)]),
    )


# --- the entry types ------------------------------------------------------------------------------


def _article(entry: PreparedEntry, terms: Terms) -> Pieces:
    def issue() -> Pieces:
        return [("(", PLAIN), *_field(entry, "number"), (")", PLAIN)]

    volume_and_issue = _first_of(
        lambda: _optional(lambda: [*_italic(_field(entry, "volume")), *_optional(issue)]),
        # A journal without volumes (Journal for Deradicalization): the issue alone, in parentheses.
        lambda: _optional(issue),
    )
    return _phrase(
        [
            _head(entry, terms, lambda: _phrase([_field_in_sentence_case(entry, "title")], period=True)),
            _phrase(
                [
                    _italic(_field(entry, "journal")),
                    volume_and_issue,
                    _optional(lambda: _article_pages(entry, terms)),
                ],
                sep=", ",
                period=True,
            ),
            _optional(lambda: _web_link(entry)),
        ]
    )


def _book(entry: PreparedEntry, terms: Terms) -> Pieces:
    def title() -> Pieces:
        details = _in_parentheses(
            [
                _optional(lambda: _edition(entry, terms)),
                _optional(lambda: [*_text(terms.volume), (" ", PLAIN), *_field(entry, "volume")]),
            ]
        )
        return _phrase([_italic(_field_in_sentence_case(entry, "title")), details], period=True)

    return _phrase(
        [
            _head(entry, terms, title),
            _optional(lambda: _phrase([_publisher_unless_author(entry)], period=True)),
            _optional(lambda: _web_link(entry)),
        ]
    )


def _chapter(entry: PreparedEntry, terms: Terms) -> Pieces:
    details = _in_parentheses(
        [_optional(lambda: _edition(entry, terms)), _optional(lambda: _pages_with_label(entry, terms))]
    )
    return _phrase(
        [
            _head(entry, terms, lambda: _phrase([_field_in_sentence_case(entry, "title")], period=True)),
            _phrase(
                [
                    _text(terms.in_),
                    _optional(lambda: [*_editors_in(entry, terms), (",", PLAIN)]),
                    _italic(_field_in_sentence_case(entry, "booktitle")),
                    details,
                ],
                period=True,
            ),
            _optional(lambda: _phrase([_publisher_unless_author(entry)], period=True)),
            _optional(lambda: _web_link(entry)),
        ]
    )


def _report(entry: PreparedEntry, terms: Terms) -> Pieces:
    def title() -> Pieces:
        number = _optional(lambda: [("(", PLAIN), *_report_number(entry, terms), (")", PLAIN)])
        return _phrase([_italic(_field_in_sentence_case(entry, "title")), number], period=True)

    return _phrase(
        [
            _head(entry, terms, title),
            _optional(lambda: _phrase([_publisher_unless_author(entry, "institution")], period=True)),
            _optional(lambda: _web_link(entry)),
        ]
    )


def _document(entry: PreparedEntry, terms: Terms) -> Pieces:
    publisher = _first_of(
        lambda: _optional(lambda: _publisher_unless_author(entry)),
        lambda: _optional(lambda: _publisher_unless_author(entry, "organization")),
    )
    return _phrase(
        [
            _head(entry, terms, lambda: _phrase([_italic(_field_in_sentence_case(entry, "title"))], period=True)),
            _optional(lambda: _phrase([_field(entry, "howpublished")], period=True)),
            _phrase([publisher], period=True),
            _optional(lambda: _web_link(entry)),
        ]
    )


def _thesis(kind: str) -> Callable[[PreparedEntry, Terms], Pieces]:
    def thesis(entry: PreparedEntry, terms: Terms) -> Pieces:
        def title() -> Pieces:
            school = _optional(lambda: [(", ", PLAIN), *_field(entry, "school")])
            description = [("[", PLAIN), *_text(getattr(terms, kind)), *school, ("]", PLAIN)]
            return _phrase([_italic(_field_in_sentence_case(entry, "title")), description], period=True)

        return _phrase([_head(entry, terms, title), _optional(lambda: _web_link(entry))])

    return thesis


_TEMPLATES: dict[str, Callable[[PreparedEntry, Terms], Pieces]] = {
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
            pieces = _TEMPLATES[entry.type](entry, self.terms)
        except _Missing as missing:
            # Only an entry that failed the source checks lacks a required field; report it as
            # pybtex's styles do.
            from pybtex.style.template import FieldIsMissing

            raise FieldIsMissing(missing.field_name, entry) from None
        return render(pieces)


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

