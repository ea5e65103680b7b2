"""APA 7 author–date citations in running text: (Horgan & Braddock, 2010), Koehler (2017a, p. 12)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from wayout.bibliography.apa import dash_ranges, join_names
from wayout.bibliography.citations import Citation, CitationMode, CitedItem, Locator
from wayout.bibliography.formatted import FormattedEntry, InTextAuthor, RenderedText
from wayout.bibliography.prepared import PreparedEntry
from wayout.bibliography.terms import Terms

# Works by no one: the title stands in for the author (APA 8.14), in italics for works that stand
# alone and in quotation marks for parts of a larger work.
_PART_OF_A_WHOLE = frozenset({"article", "incollection", "inproceedings"})


def reference_anchor(key: str) -> str:
    """The id of a reference-list entry, which in-text citations link to."""
    return f"ref-{key}"


def reference_link(entry: FormattedEntry, html: str) -> str:
    """A link to the entry in the page's reference list. The browser gives it the reference as a
    tooltip (overrides/assets/javascripts/citations.js), so the text is not repeated per citation."""
    return f'<a href="#{reference_anchor(entry.key)}">{html}</a>'


def in_text_author(entry: PreparedEntry, terms: Terms) -> InTextAuthor:
    """"Koehler"; "Horgan & Braddock" / "Horgan and Braddock"; "Altier et al."; a group's full name."""
    if entry.creators is None:
        if entry.type in _PART_OF_A_WHOLE:
            quoted = f"\u201c{entry.title}\u201d"
            rendered = RenderedText(escape(quoted, quote=False), quoted)
        else:
            rendered = RenderedText(f"<em>{escape(entry.title, quote=False)}</em>", entry.title)
        return InTextAuthor(rendered, rendered)
    surnames = [creator.surname for creator in entry.creators.names]
    shown = entry.names_in_citation if entry.creators.count >= 3 else len(surnames)
    if shown >= entry.creators.count and not entry.creators.and_others:
        parenthetical = join_names(surnames, terms.and_in_parentheses, terms, inverted=False)
        narrative = join_names(surnames, terms.and_in_text, terms, inverted=False)
    else:
        # "Altier et al."; when more names are needed to tell works apart, "Kapoor, Bloom, Montez, et al."
        listed = ", ".join(surnames[:shown])
        parenthetical = narrative = listed + ("," if shown > 1 else "") + " " + terms.et_al
    in_parentheses = RenderedText(escape(parenthetical, quote=False), parenthetical)
    if narrative == parenthetical:  # one author, or "et al.": one object for both, kept as long as the entry
        return InTextAuthor(in_parentheses, in_parentheses)
    return InTextAuthor(in_parentheses, RenderedText(escape(narrative, quote=False), narrative))


def format_citation(
    citation: Citation, lookup: Callable[[str], FormattedEntry], terms: Terms, link: bool = True
) -> RenderedText:
    """One citation as it reads on the page; `lookup` gives the formatted entry of a key."""
    if citation.mode is CitationMode.NARRATIVE:
        item = citation.items[0]
        entry = lookup(item.key)
        details = [entry.year_label, *_locator_and_suffix(item, terms)]
        author = entry.in_text_author.narrative
        text = f"{author.text} ({', '.join(details)})"
        html = f"{author.html} ({escape(', '.join(details), quote=False)})"
        if link:
            html = reference_link(entry, html)
        return RenderedText(_wrap(html, citation), text)
    texts, htmls = [], []
    for item in citation.items:
        text, html = _parenthetical_item(item, lookup(item.key), terms, link)
        texts.append(text)
        htmls.append(html)
    return RenderedText(_wrap("(" + "; ".join(htmls) + ")", citation), "(" + "; ".join(texts) + ")")


def locator_text(locator: Locator, terms: Terms) -> str:
    """"p. 12", "pp. 3–4", "S. 12", "Chapter 3", "para. 4"."""
    value = dash_ranges(locator.value)
    if locator.label == "page":
        label = terms.pages if "\u2013" in value or "," in value else terms.page
    else:
        label = getattr(terms, locator.label)
    return f"{label} {value}"


def _parenthetical_item(item: CitedItem, entry: FormattedEntry, terms: Terms, link: bool) -> tuple[str, str]:
    if item.suppress_author:
        cited_text = cited_html = entry.year_label
    else:
        author = entry.in_text_author.parenthetical
        cited_text = f"{author.text}, {entry.year_label}"
        cited_html = f"{author.html}, {escape(entry.year_label, quote=False)}"
    if link:
        cited_html = reference_link(entry, cited_html)
    if not item.prefix and item.locator is None and not item.suffix:
        return cited_text, cited_html  # most citations: nothing before or after the author and year
    before = f"{item.prefix} " if item.prefix else ""
    after = "".join(f", {part}" for part in _locator_and_suffix(item, terms))
    text = before + cited_text + after
    html = escape(before, quote=False) + cited_html + escape(after, quote=False)
    return text, html


def _locator_and_suffix(item: CitedItem, terms: Terms) -> list[str]:
    parts = []
    if item.locator is not None:
        parts.append(locator_text(item.locator, terms))
    if item.suffix:
        parts.append(item.suffix)
    return parts


def _wrap(html: str, citation: Citation) -> str:
    keys = escape(" ".join(citation.keys), quote=True)
    return f'<span class="citation" data-cites="{keys}">{html}</span>'
