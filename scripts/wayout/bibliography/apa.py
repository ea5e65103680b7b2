"""APA 7th edition reference-list entries, as a pybtex style built from pybtex.style.template.

One ApaStyle per language: the terms ("&", "Eds.", "pp.", "n.d.") come from terms.yml. Templates
are built once per style, not for every entry as pybtex's own styles do, and the entries formatted
are PreparedEntry objects whose names, LaTeX and sentence-cased titles were worked out once for all
languages. Together with `phrase` (below) this keeps an entry well under pybtex's millisecond.

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
from urllib.parse import quote

from pybtex.richtext import HRef, Text
from pybtex.style.formatting import BaseStyle
from pybtex.style.template import FieldIsMissing, first_of, join, node, tag

from wayout.bibliography.names import Creator, fold, person_creator
from wayout.bibliography.prepared import PreparedEntry
from wayout.bibliography.terms import Terms

MAX_LISTED_AUTHORS = 20  # APA 9.8: up to 20 authors; from 21, the first 19, an ellipsis, the last
_HYPHENS = re.compile(r"\s*(?:-+|\u2013|\u2014)\s*")
_ARTICLE_NUMBER = re.compile(r"^(?:[eE]\d+|0\d+)$")  # e1174, 0095: an article number, not a page


# --- small pieces shared by the templates ------------------------------------------------------


def _entry(context) -> PreparedEntry:
    return context["entry"]


def _terms(context) -> Terms:
    return context["style"].terms


@node
def rich_field(children, context, name, sentence_cased=False):
    """A field's text (LaTeX resolved, braces remembered for casing), or FieldIsMissing."""
    entry = _entry(context)
    value = entry.rich_in_sentence_case(name) if sentence_cased else entry.rich(name)
    if value is None:
        raise FieldIsMissing(name, entry)
    return value


@node
def term(children, context, name):
    return Text(getattr(_terms(context), name))


@node
def creators(children, context):
    """Authors (or editors, or the group) as they open a reference-list entry."""
    entry, terms = _entry(context), _terms(context)
    if entry.creators is None:
        raise FieldIsMissing("author", entry)
    names = [_inverted(name) for name in entry.creators.names]
    listed = reference_list_names(names, entry.creators.and_others, terms)
    if entry.creators.is_editors:
        listed += f" ({terms.editors if entry.creators.count > 1 else terms.editor})"
    return Text(listed)


@node
def date_with_period(children, context):
    """(2010). (2017a). (n.d.). (n.d.-a)."""
    return Text("(" + year_label(_entry(context), _terms(context)) + ").")


@node
def editors_in(children, context):
    """"N. Clycq, C. Timmerman, & S. Ravn (Eds.)" for the "In …" of a chapter; FieldIsMissing if none."""
    entry, terms = _entry(context), _terms(context)
    if entry.creators is not None and entry.creators.is_editors:
        raise FieldIsMissing("editor", entry)  # the editors already lead the entry
    persons = entry.source.persons.get("editor") or ()
    named = [person for person in persons if str(person).strip().lower() != "others"]
    if not named:
        raise FieldIsMissing("editor", entry)
    names = [_initials_first(person_creator(person)) for person in named]
    and_others = len(named) < len(persons)
    if and_others:
        listed = ", ".join(names) + ", " + terms.et_al
    else:
        listed = join_names(names, terms.and_in_parentheses, terms, inverted=False)
    count = len(names) + (1 if and_others else 0)
    return Text(listed, f" ({terms.editors if count > 1 else terms.editor})")


@node
def pages(children, context, with_label=False):
    """"267–291"; with_label gives "pp. 267–291" / "p. 12" (chapters in an edited book)."""
    entry, terms = _entry(context), _terms(context)
    value = entry.raw("pages")
    if value is None:
        raise FieldIsMissing("pages", entry)
    shown = dash_ranges(str(entry.rich("pages")))
    if not with_label:
        return Text(shown)
    label = terms.pages if "\u2013" in shown or "," in shown else terms.page
    return Text(label, " ", shown)


@node
def article_pages(children, context):
    """Pages of an article, or "Article e1174" when the journal numbers articles instead (APA 9.27)."""
    entry, terms = _entry(context), _terms(context)
    value = entry.raw("eid") or entry.raw("pages")
    if value is None:
        raise FieldIsMissing("pages", entry)
    if entry.raw("eid") or _ARTICLE_NUMBER.match(value):
        return Text(terms.article_number, " ", value)
    return Text(dash_ranges(str(entry.rich("pages"))))


@node
def edition(children, context):
    entry = _entry(context)
    value = entry.rich("edition")
    if value is None:
        raise FieldIsMissing("edition", entry)
    return Text(_terms(context).edition_label(str(value)))


@node
def report_number(children, context):
    """"NIJ Research in Brief NCJ 171676", "Report No. 2009-02", or the type alone."""
    entry, terms = _entry(context), _terms(context)
    kind, number = entry.rich("type"), entry.rich("number")
    if kind is not None and number is not None:
        return Text(kind, " ", number)
    if number is not None:
        return Text(terms.report_number, " ", number)
    if kind is not None:
        return Text(kind)
    raise FieldIsMissing("number", entry)


@node
def publisher_unless_author(children, context, name="publisher"):
    """APA 9.29: when the publisher is also the (group) author, it is not repeated."""
    entry = _entry(context)
    value = entry.rich(name)
    if value is None:
        raise FieldIsMissing(name, entry)
    if entry.creators is not None and any(fold(creator.surname) == fold(str(value)) for creator in entry.creators.names):
        raise FieldIsMissing(name, entry)
    return value


@node
def phrase(children, context, sep=" ", period=False):
    """The non-empty children joined by `sep`; with period=True, closed by a full stop unless they
    already end in one (or in ? or !).

    Does what pybtex's join and sentence do, in one rich-text allocation instead of several: rich
    text construction is most of the cost of formatting an entry. The full stop goes after an
    italic title, not inside it, as APA sets it.
    """
    parts = []
    for child in children:
        value = child.format_data(context) if hasattr(child, "format_data") else child
        if value:
            if parts:
                parts.append(sep)
            parts.append(value)
    if period and parts and not str(parts[-1]).rstrip().endswith((".", "?", "!")):
        parts.append(".")
    if len(parts) == 1 and isinstance(parts[0], Text):
        return parts[0]
    return Text(*parts)


@node
def if_present(children, context):
    """pybtex's `optional` (nothing when a field inside is missing) without wrapping a single part
    in one more rich-text object."""
    try:
        parts = [child.format_data(context) if hasattr(child, "format_data") else child for child in children]
    except FieldIsMissing:
        return Text()
    if len(parts) == 1 and isinstance(parts[0], Text):
        return parts[0]
    return Text(*parts)


@node
def in_parentheses(children, context):
    """"(5th ed., pp. 55–84)" from whichever parts exist; nothing at all when none does."""
    parts = []
    for child in children:
        value = child.format_data(context) if hasattr(child, "format_data") else child
        if value:
            parts.extend((", ", value) if parts else (value,))
    return Text("(", *parts, ")") if parts else Text()


@node
def web_link(children, context):
    """https://doi.org/… when there is a DOI (APA 9.34-9.35), else the URL."""
    entry = _entry(context)
    doi = entry.raw("doi")
    if doi is not None:
        address = doi_address(doi)
        return Text(HRef(address, address))
    url = entry.raw("url")
    if url is not None:
        return Text(HRef(url, url))
    raise FieldIsMissing("url", entry)


title_in_sentence_case = rich_field("title", sentence_cased=True)
booktitle_in_sentence_case = rich_field("booktitle", sentence_cased=True)


def head(title):
    """Creators. (Date). Title. — or, with no creator, Title. (Date). (APA 9.12)"""
    return first_of[
        if_present[phrase[phrase(period=True)[creators], date_with_period, title]],
        phrase[title, date_with_period],
    ]


# --- the style -----------------------------------------------------------------------------------


class ApaStyle(BaseStyle):
    # pybtex's name, label and sorting plugins are not used: APA names, author–date labels and the
    # reference-list order are worked out in names.py, disambiguation.py and prepared.py.
    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    def __init__(self, terms: Terms, **kwargs):
        super().__init__(**kwargs)
        self.terms = terms
        self._templates = {
            "article": self._article(),
            "book": self._book(),
            "incollection": self._chapter(),
            "techreport": self._report(),
            "misc": self._document(),
            "phdthesis": self._thesis("doctoral_thesis"),
            "mastersthesis": self._thesis("masters_thesis"),
        }
        self._templates["inproceedings"] = self._templates["incollection"]
        self._templates["report"] = self._templates["techreport"]
        self._templates["online"] = self._templates["misc"]

    def get_article_template(self, e):
        return self._templates["article"]

    def get_book_template(self, e):
        return self._templates["book"]

    def get_incollection_template(self, e):
        return self._templates["incollection"]

    def get_inproceedings_template(self, e):
        return self._templates["inproceedings"]

    def get_techreport_template(self, e):
        return self._templates["techreport"]

    def get_report_template(self, e):
        return self._templates["report"]

    def get_misc_template(self, e):
        return self._templates["misc"]

    def get_online_template(self, e):
        return self._templates["online"]

    def get_phdthesis_template(self, e):
        return self._templates["phdthesis"]

    def get_mastersthesis_template(self, e):
        return self._templates["mastersthesis"]

    @staticmethod
    def _article():
        volume_and_issue = first_of[
            if_present[tag("em")[rich_field("volume")], if_present["(", rich_field("number"), ")"]],
            # A journal without volumes (Journal for Deradicalization): the issue alone, in parentheses.
            if_present["(", rich_field("number"), ")"],
        ]
        return phrase[
            head(phrase(period=True)[title_in_sentence_case]),
            phrase(sep=", ", period=True)[tag("em")[rich_field("journal")], volume_and_issue, if_present[article_pages]],
            if_present[web_link],
        ]

    @staticmethod
    def _book():
        details = in_parentheses[if_present[edition], if_present[term("volume"), " ", rich_field("volume")]]
        return phrase[
            head(phrase(period=True)[tag("em")[title_in_sentence_case], details]),
            if_present[phrase(period=True)[publisher_unless_author]],
            if_present[web_link],
        ]

    @staticmethod
    def _chapter():
        details = in_parentheses[if_present[edition], if_present[pages(with_label=True)]]
        return phrase[
            head(phrase(period=True)[title_in_sentence_case]),
            phrase(period=True)[
                term("in_"),
                if_present[editors_in, ","],
                tag("em")[booktitle_in_sentence_case],
                details,
            ],
            if_present[phrase(period=True)[publisher_unless_author]],
            if_present[web_link],
        ]

    @staticmethod
    def _report():
        return phrase[
            head(phrase(period=True)[tag("em")[title_in_sentence_case], if_present["(", report_number, ")"]]),
            if_present[phrase(period=True)[publisher_unless_author(name="institution")]],
            if_present[web_link],
        ]

    @staticmethod
    def _document():
        publisher = first_of[if_present[publisher_unless_author], if_present[publisher_unless_author(name="organization")]]
        return phrase[
            head(phrase(period=True)[tag("em")[title_in_sentence_case]]),
            if_present[phrase(period=True)[rich_field("howpublished")]],
            phrase(period=True)[publisher],
            if_present[web_link],
        ]

    @staticmethod
    def _thesis(kind: str):
        description = join["[", term(kind), if_present[", ", rich_field("school")], "]"]
        return phrase[
            head(phrase(period=True)[tag("em")[title_in_sentence_case], description]),
            if_present[web_link],
        ]

    def format_reference(self, entry: PreparedEntry) -> Text:
        return self.format_entry(entry.key, entry).text


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


def doi_address(doi: str) -> str:
    bare = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.IGNORECASE)
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

