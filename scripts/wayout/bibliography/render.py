"""A formatted reference as HTML and as plain text, built together from parts.

A part is one piece of a reference written both ways, (HTML, plain text): plain text, text in
italics, or a link. Parts are joined into phrases, and a part without text is left out, so that an
empty field never leaves an empty <em></em> or a stray separator. In HTML, text is escaped; link
addresses are escaped too (a DOI may hold characters like "<").

Each part is written as HTML when it is made. pybtex's rich text, which the templates were first
written with, merges adjacent text of the same style ("<em>a</em><em>b</em>" is "<em>ab</em>");
the APA templates never set two parts in italics (or two links) side by side without a separator
between them, so writing each part at once gives the same HTML.
"""

from __future__ import annotations

from html import escape

from wayout.bibliography.formatted import RenderedText

Part = tuple[str, str]  # (HTML, plain text)
NOTHING: Part = ("", "")
_ENDS_A_SENTENCE = (".", "?", "!")


def _html(text: str) -> str:
    # Most references hold no character to escape; escape() would copy the text three times.
    return escape(text, quote=False) if "&" in text or "<" in text or ">" in text else text


def plain(text: str) -> Part:
    return (_html(text), text)


def italic(text: str) -> Part:
    return (f"<em>{_html(text)}</em>", text) if text else NOTHING


def linked(text: str, url: str) -> Part:
    return (f'<a href="{escape(url, quote=True)}">{_html(text)}</a>', text) if text else NOTHING


def in_language(part: Part, language: str | None) -> Part:
    """The part marked as written in `language`, a BCP 47 tag; None: in the page's own language.
    An italic part carries the mark itself rather than gaining a <span> around it."""
    html, text = part
    if language is None or not text:
        return part
    if html.startswith("<em>"):
        return (f'<em lang="{language}">{html[4:]}', text)
    return (f'<span lang="{language}">{html}</span>', text)


def joined(*parts: Part) -> Part:
    """The parts one after the other, with nothing between them."""
    return ("".join([part[0] for part in parts]), "".join([part[1] for part in parts]))


def phrase(parts: list[Part], sep: str = " ", period: bool = False) -> Part:
    """The parts that have text, joined by `sep`; with period=True, closed by a full stop unless
    the last one already ends in one (or in ? or !), trailing spaces aside. The full stop goes
    after an italic title, not inside it, as APA sets it."""
    shown = [part for part in parts if part[1]]
    if len(shown) == 1:
        html, text = shown[0]  # a part alone, as many phrases are: nothing to join
    elif shown:
        html, text = sep.join([part[0] for part in shown]), sep.join([part[1] for part in shown])
    else:
        return NOTHING
    if period and not shown[-1][1].rstrip().endswith(_ENDS_A_SENTENCE):
        return (html + ".", text + ".")
    return (html, text)


def in_parentheses(parts: list[Part]) -> Part:
    """"(5th ed., pp. 55–84)" from whichever parts have text; nothing at all when none does."""
    shown = phrase(parts, sep=", ")
    return ("(" + shown[0] + ")", "(" + shown[1] + ")") if shown[1] else NOTHING


def rendered(part: Part) -> RenderedText:
    return RenderedText(*part)
