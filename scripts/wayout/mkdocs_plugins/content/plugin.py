"""Wires the editorial page types into MkDocs: the header of reviews, factsheets and training
modules from their front matter, and interface words inside generated content (a diagram's
"Text version") in the language the page is written in.

The views come from scripts/wayout/page_headers.py (no MkDocs there); the layout from
overrides/partials/wayout/page-header.html.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from wayout.mkdocs_plugins.content.config import ContentConfig
from wayout.mkdocs_plugins.languages import build_languages, written_language
from wayout.page_headers import header_view
from wayout.ui_strings import load_ui_strings

# Generated HTML marks interface words it cannot translate itself (it does not know the page).
_UI_WORD = re.compile(r'(<(?P<tag>[a-z]+) data-wayout-ui="(?P<key>[\w.]+)">)[^<]*(</(?P=tag)>)')


class ContentPlugin(BasePlugin[ContentConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.env = None
        self.language = "en"
        self.languages: list[str] = []

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-130)
    def on_config(self, config: MkDocsConfig):
        self.language = config.theme.get("language") or "en"
        self.languages = build_languages(config)
        return config

    def on_env(self, env, *, config, files):
        self.env = env
        return env

    def on_page_content(self, html: str, *, page: Page, config, files):
        if not self.config.enabled or "data-wayout-ui=" not in html:
            return html
        language = written_language(page, self.languages, self.language)
        strings = load_ui_strings()
        return _UI_WORD.sub(lambda match: match.group(1) + strings.translate(match.group("key"), language) + match.group(4), html)

    # Before the search plugin (0) indexes the page, so that summaries and key messages are searchable.
    @event_priority(10)
    def on_page_context(self, context, *, page: Page, config, nav):
        if not self.config.enabled:
            return context
        view = header_view(page.meta or {}, written_language(page, self.languages, self.language))
        if view is not None:
            header = self.env.get_template("partials/wayout/page-header.html").render(view=view)
            end = page.content.find("</h1>")
            cut = end + len("</h1>") if end != -1 else 0
            page.content = page.content[:cut] + header + page.content[cut:]
        return context
