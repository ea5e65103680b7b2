"""Wires the evaluation framework into MkDocs: profiles and cards rendered from their front matter,
the catalogues, the method's lookup table, the self-assessment and the open data.

The ratings, views and data come from scripts/wayout/framework/ (no MkDocs there); the layout comes
from templates in overrides/partials/wayout/. This plugin only decides where each goes.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wayout.framework.catalogue import catalogue
from wayout.framework.views import cited_keys, profile_view
from wayout.frontmatter import parse_front_matter
from wayout.mkdocs_plugins.framework.config import FrameworkConfig
from wayout.mkdocs_plugins.languages import build_languages, build_prefix, written_language

log = get_plugin_logger(__name__)

RATED_TYPES = ("programme", "evidence")
CATALOGUE_MARKERS = {"programme": "<!-- programme-catalogue -->", "evidence": "<!-- evidence-catalogue -->"}


class FrameworkPlugin(BasePlugin[FrameworkConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.env = None
        self.language = "en"
        self.languages: list[str] = []
        self.profiles: dict[str, dict] = {}  # page url: {"front", "view", "page"}

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-130)
    def on_config(self, config: MkDocsConfig):
        self.language = config.theme.get("language") or "en"
        self.languages = build_languages(config)
        self.profiles = {}
        return config

    # After the citations plugin (0) has started the page, so that the profile's sources join its
    # reference list.
    @event_priority(-10)
    def on_page_markdown(self, markdown: str, *, page: Page, config, files):
        if not self.config.enabled or (page.meta or {}).get("type") not in RATED_TYPES:
            return markdown
        # Our parser, not page.meta: YAML 1.1 would read `country: NO` as false.
        front, problems = parse_front_matter(page.file.content_string, page.file.src_uri)
        if front is None or problems:
            return markdown  # the site plugin has already stopped the build on these problems
        language = written_language(page, self.languages, self.language)
        self.profiles[page.url] = {"front": front.data, "view": profile_view(front.data, language), "page": page}
        citations = config.plugins.get("wayout-citations")
        if citations is not None and citations.renderer is not None:
            citations.renderer.also_cite = cited_keys(front.data)
        return markdown

    def on_env(self, env, *, config, files):
        self.env = env
        return env

    # Before the search plugin (0) indexes the page, so that key facts and ratings are searchable.
    @event_priority(10)
    def on_page_context(self, context, *, page: Page, config, nav):
        if not self.config.enabled:
            return context
        profile = self.profiles.get(page.url)
        if profile is not None:
            method_url = get_relative_url(build_prefix(page, self.language) + self.config.method_page, page.url)
            html = self.env.get_template("partials/wayout/profile.html").render(view=profile["view"], method_url=method_url)
            page.content = _after_first_heading(page.content, html)
        for kind, marker in CATALOGUE_MARKERS.items():
            if marker in page.content:
                page.content = page.content.replace(marker, self._catalogue_html(kind, page))
        return context

    def _catalogue_html(self, kind: str, index_page: Page) -> str:
        entries = [
            (PurePosixPath(url).name, get_relative_url(url, index_page.url), profile["front"], profile["view"])
            for url, profile in self.profiles.items()
            if profile["front"]["type"] == kind
        ]
        language = written_language(index_page, self.languages, self.language)
        template = self.env.get_template("partials/wayout/catalogue.html")
        return template.render(catalogue=catalogue(kind, entries, language))


def _after_first_heading(content: str, html: str) -> str:
    end = content.find("</h1>")
    if end == -1:
        return html + content
    end += len("</h1>")
    return content[:end] + html + content[end:]
