"""A formatted reference as HTML and as plain text, in one pass over its pieces.

A reference is built as a list of pieces, each a piece of plain text and its style: PLAIN, EMPHASIS
(italics), or a link (`link(url)`). Adjacent pieces of the same style are merged, as pybtex's rich
text does, so that "<em>a</em><em>b</em>" is written "<em>ab</em>", and empty pieces vanish, so
that an empty field never leaves an empty <em></em>. In HTML, text is escaped; link addresses are
escaped too (a DOI may hold characters like "<").
"""

from __future__ import annotations

from html import escape

from wayout.bibliography.formatted import RenderedText

PLAIN = None
EMPHASIS = "em"

Piece = tuple[str, object]  # (text, style)


def link(url: str) -> tuple[str, str]:
    return ("href", url)


def render(pieces: list[Piece]) -> RenderedText:
    merged: list[list] = []
    for text, style in pieces:
        if not text:
            continue
        if merged and merged[-1][1] == style:
            merged[-1][0] += text
        else:
            merged.append([text, style])
    plain = "".join(text for text, _style in merged)
    # Most references hold no character HTML escapes; escaping is then skipped for their text.
    needs_escape = "&" in plain or "<" in plain or ">" in plain
    html = []
    for text, style in merged:
        shown = escape(text, quote=False) if needs_escape else text
        if style is PLAIN:
            html.append(shown)
        elif style == EMPHASIS:
            html.append(f"<em>{shown}</em>")
        else:
            html.append(f'<a href="{escape(style[1], quote=True)}">{shown}</a>')
    return RenderedText("".join(html), plain)
