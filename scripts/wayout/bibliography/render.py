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
    styles: list[object] = []  # one per run of pieces of the same style
    texts: list[str] = []
    for text, style in pieces:
        if not text:
            continue
        if styles and styles[-1] == style:
            texts[-1] += text
        else:
            styles.append(style)
            texts.append(text)
    plain = "".join(texts)
    if "&" in plain or "<" in plain or ">" in plain:  # most references hold no character to escape
        texts = [escape(text, quote=False) for text in texts]
    html = []
    for text, style in zip(texts, styles, strict=True):
        if style is PLAIN:
            html.append(text)
        elif style == EMPHASIS:
            html.append(f"<em>{text}</em>")
        else:
            html.append(f'<a href="{escape(style[1], quote=True)}">{text}</a>')
    return RenderedText("".join(html), plain)
