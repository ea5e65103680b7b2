"""pybtex rich text to HTML and to plain text, with our typography rather than pybtex's defaults."""

from __future__ import annotations

from html import escape
from types import MappingProxyType

from pybtex.backends import BaseBackend
from pybtex.richtext import BaseText


class HtmlBackend(BaseBackend):
    # pybtex's own HTML backend wraps {braced} text in <span class="bibtex-protected"> and does not
    # escape link addresses; braces only matter for casing, and a DOI may hold characters like "<".
    default_suffix = ".html"
    symbols = MappingProxyType({"ndash": "\u2013", "newblock": " ", "nbsp": "\u00a0"})

    def format_str(self, text: str) -> str:
        return escape(text, quote=False)

    def format_protected(self, text: str) -> str:
        return text

    def format_tag(self, tag_name: str, text: str) -> str:
        return f"<{tag_name}>{text}</{tag_name}>" if text else ""

    def format_href(self, url: str, text: str, external: bool = False) -> str:
        return f'<a href="{escape(url, quote=True)}">{text}</a>' if text else ""


class TextBackend(BaseBackend):
    default_suffix = ".txt"
    symbols = MappingProxyType({"ndash": "\u2013", "newblock": " ", "nbsp": " "})

    def format_tag(self, tag_name: str, text: str) -> str:
        return text

    def format_href(self, url: str, text: str, external: bool = False) -> str:
        return text


# Looking a backend up by name (Text.render_as) goes through plugin discovery and costs
# milliseconds each time; one instance of each serves every call.
_HTML = HtmlBackend()
_TEXT = TextBackend()


def to_html(text: BaseText) -> str:
    return text.render(_HTML)


def to_text(text: BaseText) -> str:
    return text.render(_TEXT)
