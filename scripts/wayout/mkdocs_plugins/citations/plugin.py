"""Wires the citation engine into MkDocs: one bibliography per process, one renderer per language build.

The engine (scripts/wayout/bibliography/) and the Markdown extension do the work; this plugin only
hands them the page being rendered, collects what they found, and writes the downloads.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wayout.bibliography.cache import BibliographyCache
from wayout.bibliography.check import check_citations, front_matter_key_problems, names_unknown_keys
from wayout.bibliography.exports import downloads
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.topics import read_topic_labels
from wayout.markdown_extensions.citations import (
    BIBLIOGRAPHY_DOWNLOAD_STEM,
    PAGE_CACHE_LIMIT,
    CitationRenderer,
    CitationsExtension,
    fill_cited_in,
    fill_deferred,
)
from wayout.mkdocs_plugins.citations.config import CitationsConfig
from wayout.mkdocs_plugins.languages import build_languages, written_language
from wayout.problems import Problem, ProblemsFound, display_path, format_problems
from wayout.text_cache import TextCache

log = get_plugin_logger(__name__)

# Kept for the life of the process: `mkdocs serve` makes new plugin instances on every rebuild, and
# the bibliography should be parsed and formatted again only when a .bib file changed.
_CACHES: dict[Path, BibliographyCache] = {}
# Pages found free of unknown keys: {page: (its modification time, the bibliography's fingerprint)}.
# mkdocs-static-i18n's build of each language checks the pages it does not render, which are
# mostly the same pages every time: each is checked again only when it or the bibliography changed.
_CLEAN_PAGES: dict[Path, tuple[int, str]] = {}


@dataclass
class RenderCaches:
    """Work kept for as long as the bibliography does not change: what each page's text cites (a
    rebuild after editing one page parses only that page again) and each set of references' exports."""

    formatter: ReferenceFormatter
    pages: TextCache = field(default_factory=TextCache)
    exports: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)


_RENDER_CACHES: dict[Path, RenderCaches] = {}


def downloads_name(dest_uri: str) -> str:
    """The name of a page's reference downloads: about/index.html → references, about.html → about.references."""
    name = dest_uri.rpartition("/")[2]
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # PurePosixPath(name).stem
    return "references" if stem == "index" else f"{stem}.references"


def downloads_stem(dest_uri: str) -> str:
    """Where a page's reference downloads go: about/index.html → about/references.{bib,ris,json}."""
    folder = dest_uri.rpartition("/")[0]
    return f"{folder}/{downloads_name(dest_uri)}" if folder else downloads_name(dest_uri)


def _write_text(path: str, text: str) -> None:
    """The file's text in UTF-8 with three system calls (open, write, close), where open() in text
    mode makes seven; a site writes three download files per citing page. Without O_BINARY, the C
    runtime on Windows turns each \\n into \\r\\n, as text mode does."""
    data = text.encode("utf-8")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)


def _body_line_offset(source: str) -> int:
    from wayout.frontmatter import body_line_offset  # only a page with a problem needs it

    return body_line_offset(source)


class CitationsPlugin(BasePlugin[CitationsConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.renderer: CitationRenderer | None = None
        self.caches: RenderCaches | None = None
        self.root = Path.cwd()
        self.citing_pages: list[Page] = []  # in the order they were rendered
        self.page_keys: dict[str, list[str]] = {}  # dest_uri: the keys the page cites
        self.cited_in: dict[str, list[Page]] | None = None  # see _cited_in()
        self.bibliography_pages: dict[str, str] = {}  # url: the language the page is written in
        self.deferred_html: dict[str, list[str]] = {}  # dest_uri: the page's citation HTML, by placeholder
        self.languages: set[str] = set()
        self.rendered_sources: set[Path] = set()
        self.front_matter_problems: list[Problem] = []

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-120)
    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path).parent
        folder = (self.root / self.config.bibliography_dir).resolve()
        cache = _CACHES.setdefault(folder, BibliographyCache(folder, self.root))
        try:
            formatter = cache.formatter()
        except ProblemsFound as found:
            raise PluginError(format_problems(found.problems)) from None
        language = config.theme.get("language") or "en"
        languages = build_languages(config)
        topics, problems = read_topic_labels(folder, formatter.bibliography.topics(), languages, self.root)
        if problems:
            raise PluginError(format_problems(problems))
        # Deferred until on_post_page, after Material's search plugin has indexed the page.
        if folder not in _RENDER_CACHES or _RENDER_CACHES[folder].formatter is not formatter:
            _RENDER_CACHES[folder] = RenderCaches(formatter)
        self.caches = _RENDER_CACHES[folder]
        self.renderer = CitationRenderer(formatter, language, topics, defer=True, page_cache=self.caches.pages)
        self.languages = set(languages)
        # mkdocs-static-i18n configures the same config once per language: one extension at a time.
        config.markdown_extensions[:] = [
            extension for extension in config.markdown_extensions if not isinstance(extension, CitationsExtension)
        ]
        config.markdown_extensions.append(CitationsExtension(self.renderer))
        self.citing_pages = []
        self.page_keys = {}
        self.cited_in = None
        self.bibliography_pages = {}
        self.deferred_html = {}
        self.rendered_sources = set()
        self.front_matter_problems = []
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config, files):
        if not self.config.enabled:
            return markdown
        source = Path(page.file.abs_src_path)
        self.rendered_sources.add(source)
        bibliography = self.renderer.formatter.bibliography
        if names_unknown_keys(page.meta, bibliography):
            self.front_matter_problems += front_matter_key_problems(
                page.file.content_string, bibliography, display_path(source, self.root)
            )
        # Worked out only for a page with a problem: resolving paths costs more than rendering a
        # page's citations from the cache on a rebuild.
        self.renderer.start_page(
            lambda: display_path(source, self.root),
            lambda: _body_line_offset(page.file.content_string),
            page_downloads_stem=downloads_name(page.file.dest_uri) if self.config.page_downloads else None,
            site_root="../" * page.url.count("/"),
            language=written_language(page, self.languages, self.renderer.build_language),
        )
        return markdown

    def _unrendered_page_problems(self, docs_dir: Path) -> list[Problem]:
        """Unknown keys in the pages this build did not render: the other languages' pages, which
        mkdocs-static-i18n builds later, would otherwise be reported only in a second run."""
        bibliography = self.renderer.formatter.bibliography
        stamps = {page: (page.stat().st_mtime_ns, bibliography.fingerprint)
                  for page in docs_dir.rglob("*.md") if page not in self.rendered_sources}
        pages = sorted(page for page, stamp in stamps.items() if _CLEAN_PAGES.get(page) != stamp)
        problems = check_citations(docs_dir, bibliography, self.root, pages) if pages else []
        if not problems:
            _CLEAN_PAGES.update((page, stamps[page]) for page in pages)
        return problems

    def on_page_content(self, html: str, *, page: Page, config, files):
        if not self.config.enabled:
            return html
        if self.renderer.cited_keys:
            self.citing_pages.append(page)
            self.page_keys[page.file.dest_uri] = list(self.renderer.cited_keys)
        self.deferred_html[page.file.dest_uri] = self.renderer.deferred
        if self.renderer.has_bibliography:
            self.bibliography_pages[page.url] = self.renderer.language
        return html

    # Every page of this build has been rendered by now (MkDocs renders all pages before it runs
    # on_env); with the pages it did not render checked too, every unknown key is reported at once.
    def on_env(self, env, *, config, files):
        if not self.config.enabled:
            return env
        problems = [*self.renderer.problems, *self.front_matter_problems]
        problems += self._unrendered_page_problems(Path(config.docs_dir))
        if problems:
            raise PluginError(format_problems(sorted(set(problems))))
        # This build's pages were checked as they were rendered: the next language's build, for
        # which they are the unrendered ones, need not read them again.
        bibliography = self.renderer.formatter.bibliography
        _CLEAN_PAGES.update((page, (page.stat().st_mtime_ns, bibliography.fingerprint)) for page in self.rendered_sources)
        return env

    def on_post_page(self, output: str, *, page: Page, config):
        if not self.config.enabled:
            return output
        output = fill_deferred(output, self.deferred_html.pop(page.file.dest_uri, []))
        if page.url in self.bibliography_pages:
            output = self._fill_cited_in(output, page)
        keys = self.page_keys.get(page.file.dest_uri)
        if keys and self.config.page_downloads:
            self._write_exports(os.path.join(config.site_dir, downloads_stem(page.file.dest_uri)), keys)
        return output

    def on_post_build(self, *, config):
        if self.config.enabled and self.config.bibliography_downloads:
            self._write_exports(os.path.join(config.site_dir, BIBLIOGRAPHY_DOWNLOAD_STEM), None)

    def _fill_cited_in(self, output: str, bibliography_page: Page) -> str:
        """Every entry's "cited in" line, filled in one pass over the page: one replace() per entry
        would read the whole bibliography page once per entry."""
        language = self.bibliography_pages[bibliography_page.url]
        cited_in = self._cited_in()

        def cited_in_line(key: str) -> str:
            links = {
                page.url: (get_relative_url(page.url, bibliography_page.url), page.title or page.url)
                for page in cited_in.get(key, [])
            }
            return self.renderer.cited_in_html(list(links.values()), language)

        return fill_cited_in(output, cited_in_line)

    def _cited_in(self) -> dict[str, list[Page]]:
        """The pages citing each key, in the order they were rendered. Only a bibliography page
        needs them, and every page has been rendered before the first one is written."""
        if self.cited_in is None:
            self.cited_in = defaultdict(list)
            for page in self.citing_pages:
                for key in self.page_keys[page.file.dest_uri]:
                    self.cited_in[key].append(page)
        return self.cited_in

    def _write_exports(self, stem: str, keys: list[str] | None) -> None:
        bibliography = self.renderer.formatter.bibliography
        selection = tuple(sorted(keys)) if keys is not None else ()
        texts = self.caches.exports.get(selection) if keys is not None else None
        if texts is None:
            texts = downloads(bibliography, keys)
            if keys is not None:
                if len(self.caches.exports) >= PAGE_CACHE_LIMIT:
                    self.caches.exports.clear()
                self.caches.exports[selection] = texts
        folder, name = os.path.split(stem)
        os.makedirs(folder, exist_ok=True)
        for suffix, text in texts.items():
            _write_text(os.path.join(folder, f"{name}.{suffix}"), text)
