"""The HTML a PDF is rendered from: the page's article cut out of the built page, without what
only works on screen, its links made to work in a PDF, in a small standalone document.

Only the article goes in, not Material's page and stylesheets: the theme's CSS is large, slow for
WeasyPrint to apply and made for screens. The PDF is styled by the site's own stylesheets and a
short PDF stylesheet (overrides/assets/stylesheets/wayout.css, print.css and pdf.css).

Links: a PDF is read away from the site (mailed, downloaded, printed), so a link relative to the
page would point nowhere. A link to another place in the PDF stays; a link to the web or an e-mail
address stays (print.css prints its address after it). A link to another page of the site becomes
absolute when the site's public address is known (`site_url`, set by WAYOUT_SITE_URL when
deploying), and otherwise loses its target: its text stays, as plain text. Links to anchors that
are not in the PDF (a module's handouts pointing to its exercises) lose their target too.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

# Set on the "Download as PDF" paragraph, so that it is not copied into the PDF itself.
PDF_LINK_CLASS = "wayout-pdf-download"
# Set on links into the site that were made absolute: print.css prints the address of a link to
# the web after it, which would repeat the site's address after every glossary term.
SITE_LINK_ATTRIBUTE = "data-wayout-site-link"

_ARTICLE_START = re.compile(r'<article\b[^>]*\bclass="md-content__inner\b[^"]*"[^>]*>')
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
# An attribute list that may hold ">" inside quoted values.
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_ANCHOR = re.compile(rf"<a\b(?P<attributes>{_ATTRIBUTES})>(?P<text>.*?)</a>", re.DOTALL)
_HEADERLINK = re.compile(rf'<a\b(?={_ATTRIBUTES}\bclass="headerlink"){_ATTRIBUTES}>.*?</a>', re.DOTALL)
_PDF_LINK = re.compile(rf'<p\b(?={_ATTRIBUTES}\bclass="[^"]*\b{PDF_LINK_CLASS}\b){_ATTRIBUTES}>.*?</p>\s*', re.DOTALL)
# One attribute of a tag: its name and its value, quoted or not, or none.
_ATTRIBUTE = re.compile(r"""\s+(?P<name>[^\s=>/"']+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>"']+)))?""")
# Attributes that only mean something on a link with a target.
_LINK_ONLY = {"href", "download", "hreflang", "rel", "target", "type", "ping", "referrerpolicy"}
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")
_DIAGRAM_SVG = re.compile(rf'<svg\b(?={_ATTRIBUTES}\bclass="wayout-diagram__svg"){_ATTRIBUTES}>')
# WeasyPrint draws an inline SVG with the styles inside it only: the page's stylesheets do not reach
# it (it reports `fill` and `stroke` there as unknown properties), and the diagrams of
# wayout.diagrams are drawn by class. These are wayout.css's diagram rules, in black on white.
DIAGRAM_STYLE = (
    "<style>"
    ".wayout-diagram__box{fill:#fff;stroke:#000;stroke-width:1.5}"
    ".wayout-diagram__box--centre{stroke-width:3}"
    ".wayout-diagram__label{fill:#000;font-size:16px;font-family:'Liberation Sans','DejaVu Sans',sans-serif}"
    ".wayout-diagram__line{stroke:#000;stroke-width:1.5}"
    ".wayout-diagram__arrowhead{fill:#000}"
    "</style>"
)
# An inline element after a space, in running text: a citation, a link, emphasis.
_SPACE_BEFORE_INLINE = re.compile(r"(\s+)(<(?:a|abbr|b|cite|code|em|i|span|strong|sub|sup|time)\b)")
_H1 = re.compile(r"<h1\b.*?</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_WEB_SCHEMES = ("http", "https", "mailto")


def article_content(page_html: str) -> str:
    """The inside of Material's `<article class="md-content__inner md-typeset">`: the page's text,
    with what plugins added to it (headers, profiles, citations, reference lists)."""
    start = _ARTICLE_START.search(page_html)
    if start is None:
        raise ValueError('the page has no <article class="md-content__inner"> element')
    depth = 1
    for tag in _ARTICLE_TAG.finditer(page_html, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page_html[start.end(): tag.start()]
    raise ValueError("the page's <article> element is not closed")


def without_screen_controls(html: str) -> str:
    """Without the heading permalinks (¶) and the page's own "Download as PDF" link."""
    return _PDF_LINK.sub("", _HEADERLINK.sub("", html))


def with_line_breaks_before_inline_elements(html: str) -> str:
    """The space before each inline element in a span of its own.

    WeasyPrint 70 sometimes breaks a line too early when the break falls just before an inline
    element: the line keeps its first word only ("van" / "der Heide, L., & Schuurman…" in a reference,
    "quotidiennes" alone before a citation), a known weakness of its line breaking across inline
    boxes (WeasyPrint issues 1614, 2102). With the space in a box of its own, it breaks where it
    should; the text and its tags are unchanged. tests/test_pdf.py renders such a case."""
    return _SPACE_BEFORE_INLINE.sub(r"<span>\1</span>\2", html)


def with_diagram_styles(html: str) -> str:
    """Each diagram's SVG with its styles inside it (see DIAGRAM_STYLE)."""
    return _DIAGRAM_SVG.sub(lambda match: match.group(0) + DIAGRAM_STYLE, html)


def first_heading(html: str) -> str | None:
    match = _H1.search(html)
    return match.group(0) if match else None


def section(html: str, heading_id: str) -> str | None:
    """From the `<h2 id="heading_id">` to the next heading of level 1 or 2, or the end."""
    start = re.search(rf"""<h2\b[^>]*\sid=["']{re.escape(heading_id)}["']""", html)
    if start is None:
        return None
    end = re.compile(r"<h[12]\b").search(html, start.end())
    return html[start.start(): end.start() if end else len(html)]


def plain_text(html: str) -> str:
    """The text of an HTML fragment, spaces collapsed: for titles."""
    return " ".join(unescape(_TAG.sub("", html)).split())


def resolve_links(html: str, page_url: str, site_url: str | None) -> str:
    """Links that work in a PDF read away from the site (see the module's docstring).

    `page_url` is the page's URL relative to the site root ("fr/awareness/policymakers/");
    `site_url` the site's public address, or None when it is not known."""
    ids = {match.group(1) or match.group(2) for match in _ID.finditer(html)}
    base = (site_url.rstrip("/") + "/" + page_url.lstrip("/")) if site_url else None

    def resolve(anchor: re.Match) -> str:
        attributes = list(_ATTRIBUTE.finditer(anchor.group("attributes")))
        text = anchor.group("text")
        href = next((_value(attribute) for attribute in attributes if attribute.group("name").lower() == "href"), None)
        if href is None:
            return anchor.group(0)
        parts = urlsplit(href)
        if not (parts.scheme or parts.netloc or parts.path or parts.query):  # "#id" on this page
            if parts.fragment in ids:
                return anchor.group(0)
        elif parts.scheme in _WEB_SCHEMES:
            return anchor.group(0)
        elif not parts.scheme and not parts.netloc and base is not None:
            absolute = escape(urljoin(base, href), quote=True)
            kept = "".join(attribute.group(0) for attribute in attributes if attribute.group("name").lower() != "href")
            return f'<a href="{absolute}" {SITE_LINK_ATTRIBUTE}{kept}>{text}</a>'
        kept = "".join(attribute.group(0) for attribute in attributes if attribute.group("name").lower() not in _LINK_ONLY)
        return f"<span{kept}>{text}</span>"

    return _ANCHOR.sub(resolve, html)


def _value(attribute: re.Match) -> str:
    value = next((value for value in attribute.group("double", "single", "bare") if value is not None), "")
    return unescape(value)


def pdf_html(
    body: str,
    *,
    language: str,
    title: str,
    kind: str,
    description: str = "",
    author: str = "",
    source_url: str | None = None,
) -> str:
    """The standalone document WeasyPrint renders: `lang` and `<title>` become the PDF's language
    (/Lang) and title; description and author its subject and author. The stylesheets are given
    to WeasyPrint separately, parsed once for every PDF of a build."""
    meta = "".join(
        f'<meta name="{name}" content="{escape(value, quote=True)}">\n'
        for name, value in (("description", description), ("author", author))
        if value
    )
    source = ""
    if author or source_url:
        link = f' · <a href="{escape(source_url, quote=True)}" {SITE_LINK_ATTRIBUTE}>{escape(source_url)}</a>' if source_url else ""
        source = f'<p class="wayout-pdf-source">{escape(author)}{link}</p>\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language, quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n{meta}</head>\n<body>\n"
        f'<article class="md-content__inner md-typeset wayout-pdf wayout-pdf--{escape(kind, quote=True)}">\n{body}\n</article>\n'
        f"{source}</body>\n</html>\n"
    )
