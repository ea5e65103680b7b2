"""Links the first occurrence of each glossary term on a page to its definition, with the
definition as the link's title, which Material shows as a tooltip on hover and on keyboard focus.

This module imports no MkDocs: the host gives a GlossaryLinker the terms of the page's language
and, before each page, where the glossary is (or None on the glossary page itself).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from wayout.glossary import Term

# Text inside these is left alone: links and code already mean something, headings and
# definition terms are titles, and a tooltip inside a tooltip helps no one.
_SKIPPED = frozenset({"a", "code", "pre", "kbd", "abbr", "dfn", "script", "style", "svg", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary"})


class GlossaryLinker:
    def __init__(self, terms: list[Term] | None = None):
        self.glossary_href: str | None = None
        self._prepared: dict[tuple, tuple[dict[str, Term], int, re.Pattern | None]] = {}
        self.set_terms(terms or [])

    def set_terms(self, terms: list[Term], names: Iterable[str] = ()) -> None:
        """`names`: proper names, such as programme names, inside which no term is linked: the
        "Desistance" of "Desistance and Disengagement Programme" names a programme, not a process."""
        key = (tuple(terms), tuple(names))
        # Set before every page, mostly with the same terms: building the pattern took longer
        # than linking a page.
        if key not in self._prepared:
            self._prepared[key] = _prepared(terms, names)
        self._by_form, self._term_count, self._pattern = self._prepared[key]

    def start_page(self, glossary_href: str | None) -> None:
        """`glossary_href`: the glossary page relative to this page; None to link nothing."""
        self.glossary_href = glossary_href

    def link(self, root: etree.Element) -> None:
        if self._pattern is None or self.glossary_href is None:
            return
        self._linked: set[str] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _SKIPPED or len(self._linked) == self._term_count:
            return  # nothing to link in here, or every term is linked already
        if element.text:
            anchor = self._first_link(element.text)
            if anchor is not None:
                before, link = anchor
                element.text = before
                element.insert(0, link)
        index = 0
        while index < len(element):
            child = element[index]
            self._walk(child)
            if child.tail:
                anchor = self._first_link(child.tail)
                if anchor is not None:
                    before, link = anchor
                    child.tail = before
                    element.insert(index + 1, link)
            index += 1

    def _first_link(self, text: str) -> tuple[str, etree.Element] | None:
        for match in self._pattern.finditer(text):
            if match.lastgroup == "name":
                continue
            term = self._by_form[match.group("term").casefold()]
            if term.anchor in self._linked:
                continue
            self._linked.add(term.anchor)
            link = etree.Element("a", {"class": "wayout-term", "href": f"{self.glossary_href}#{term.anchor}", "title": term.definition})
            link.text = match.group("term")
            link.tail = text[match.end():]
            return text[: match.start()], link
        return None


def _prepared(terms: list[Term], names: Iterable[str]) -> tuple[dict[str, Term], int, re.Pattern | None]:
    """Each form's term, the number of terms, and the pattern finding forms (and names) in text."""
    by_form = {form.casefold(): term for term in terms for form in term.forms}
    term_count = len({term.anchor for term in terms})
    forms = sorted(by_form, key=len, reverse=True)  # "case conference" before "case"
    if not forms:
        return by_form, term_count, None
    alternatives = "|".join(re.escape(form) for form in forms)
    pattern = re.compile(rf"(?<![\w-])(?P<term>{alternatives})(?![\w-])", re.IGNORECASE)
    # Only names with a term inside need guarding; a name that is itself a term is linked.
    guarded = sorted({name for name in names if name.casefold() not in by_form and pattern.search(name)}, key=len, reverse=True)
    if guarded:
        # Tried first at each position, a name is matched whole and passed over, terms and all.
        names_pattern = "|".join(re.escape(name) for name in guarded)
        pattern = re.compile(rf"(?<![\w-])(?:(?P<name>{names_pattern})|(?P<term>{alternatives}))(?![\w-])", re.IGNORECASE)
    return by_form, term_count, pattern


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, linker: GlossaryLinker):
        super().__init__(md)
        self.linker = linker

    def run(self, root: etree.Element) -> None:
        self.linker.link(root)


class GlossaryExtension(Extension):
    def __init__(self, linker: GlossaryLinker, **kwargs):
        super().__init__(**kwargs)
        self.linker = linker

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) has made the text nodes, and after MkDocs rewrites links (relpath,
        # 0): the links are made with their final address, so there is nothing for MkDocs to resolve.
        # Headings, which toc (5) reads, are never linked.
        md.treeprocessors.register(GlossaryTreeprocessor(md, self.linker), "wayout_glossary", -1)
