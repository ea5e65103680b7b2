"""Wires the editorial page types into MkDocs: the header of reviews, factsheets and training
modules from their front matter, the glossary (its page and its tooltips), and interface words
inside generated content (a diagram's "Text version") in the language the page is written in.

The views come from scripts/wayout/page_headers.py (no MkDocs there); the layout from
overrides/partials/wayout/page-header.html.
"""

from __future__ import annotations

import posixpath
import re
from html import escape as html_escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wayout.glossary_translations import stray_translations
from wayout.frontmatter import parse_front_matter
from wayout.glossary import TERMS_FILE, Term, glossary_markdown, load_glossary, programme_names, unknown_source_problems
from wayout.markdown_extensions.glossary import GlossaryExtension, GlossaryLinker
from wayout.problems import display_path, format_problems

from wayout.mkdocs_plugins.content.config import ContentConfig
from wayout.mkdocs_plugins.languages import build_languages, language_folder, written_language
from wayout.page_headers import header_view
from wayout.share_images import FontNotFound, ShareImage, render
from wayout.ui_strings import load_ui_strings
from wayout.vocabularies import load_vocabularies

# Generated HTML marks interface words it cannot translate itself (it does not know the page).
_UI_WORD = re.compile(r'(<(?P<tag>[a-z]+) data-wayout-ui="(?P<key>[\w.]+)">)[^<]*(</(?P=tag)>)')
GLOSSARY_MARKER = "<!-- glossary -->"
SHARE_IMAGE_MARKER = "<!-- share-image -->"
SHARE_IMAGE_FILE = "share-image.png"


class ContentPlugin(BasePlugin[ContentConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.env = None
        self.language = "en"
        self.languages: list[str] = []
        self.glossaries: dict[str, list[Term]] = {}
        self.linker = GlossaryLinker()
        self.glossary_files: dict[str, File | None] = {}  # glossary source path: its file in this build
        self.programme_names: list[str] = []

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured, and
    # after the citations plugin (-120), whose bibliography the glossary's sources are checked against.
    @event_priority(-130)
    def on_config(self, config: MkDocsConfig):
        self.language = config.theme.get("language") or "en"
        self.languages = build_languages(config)
        if not self.config.enabled:
            return config
        self.glossaries = self._load_glossaries(config)
        # mkdocs-static-i18n configures the same config once per language: one extension at a time.
        config.markdown_extensions[:] = [
            extension for extension in config.markdown_extensions if not isinstance(extension, GlossaryExtension)
        ]
        self.linker = GlossaryLinker()
        self.glossary_files = {}
        config.markdown_extensions.append(GlossaryExtension(self.linker))
        return config

    def _load_glossaries(self, config: MkDocsConfig) -> dict[str, list[Term]]:
        root = Path(config.config_file_path).parent
        citations = config.plugins.get("wayout-citations")
        renderer = getattr(citations, "renderer", None)
        glossaries, problems = {}, []
        for language in self.languages:
            path = Path(config.docs_dir) / language / self.config.glossary_dir / TERMS_FILE
            if not path.is_file():
                continue
            display = display_path(path, root)
            terms, found = load_glossary(path, display)
            problems += found
            if renderer is not None:
                problems += unknown_source_problems(terms, renderer.formatter.bibliography, display)
            glossaries[language] = terms
        problems += stray_translations(Path(config.docs_dir), self.languages[0], self.languages, root, self.config.glossary_dir)
        if problems:
            raise PluginError(format_problems(sorted(problems)))
        return glossaries

    def _terms_for(self, language: str) -> list[Term]:
        """A language without its own glossary yet uses the default language's."""
        return self.glossaries.get(language) or self.glossaries.get(self.languages[0] if self.languages else "en", [])

    # After mkdocs-static-i18n (-100), which leaves in `files` the pages of the language being built.
    @event_priority(-130)
    def on_files(self, files, *, config):
        if not self.config.enabled:
            return files
        # Every profile's names, before any page is rendered: a page may name a programme whose
        # profile comes later. Broken front matter is the site plugin's to report.
        names = set()
        for file in files.documentation_pages():
            inside = language_folder(file.src_uri, self.languages)[1]
            if inside.startswith(self.config.programmes_dir + "/"):
                front, _problems = parse_front_matter(file.content_string, file.src_uri)
                names.update(programme_names(front.data) if front is not None else ())
        self.programme_names = sorted(names)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config, files):
        if not self.config.enabled:
            return markdown
        language = written_language(page, self.languages, self.language)
        terms = self._terms_for(language)
        if language != self.language:
            # An untranslated page links to this build's glossary page: only terms it defines.
            defined = {term.anchor for term in self._terms_for(self.language)}
            terms = [term for term in terms if term.anchor in defined]
        on_glossary_page = GLOSSARY_MARKER in markdown
        self.linker.set_terms(terms, self.programme_names)
        self.linker.start_page(None if on_glossary_page or not terms else self._glossary_href(page, files))
        if on_glossary_page:
            markdown = markdown.replace(GLOSSARY_MARKER, glossary_markdown(terms))
        return markdown

    def on_env(self, env, *, config, files):
        self.env = env
        return env

    def _glossary_href(self, page: Page, files) -> str:
        """The glossary page's address relative to this page's. Found as MkDocs would resolve a link
        to its Markdown source from this page (for an untranslated page, mkdocs-static-i18n answers
        with this build's glossary), but once per build: a link MkDocs resolves costs a lookup per
        link, and every page has several glossary links."""
        source = page.file.src_uri
        top = language_folder(source, self.languages)[0] or ""
        glossary_source = posixpath.join(top, self.config.glossary_dir, "index.md")
        if glossary_source not in self.glossary_files:
            self.glossary_files[glossary_source] = files.get_file_from_path(glossary_source)
        glossary = self.glossary_files[glossary_source]
        if glossary is None:
            # Neither this language's glossary page nor the default language's, which
            # mkdocs-static-i18n shows in its place, is in this build.
            raise PluginError(f"{source}: the glossary terms link to {glossary_source}, which this build does not have — "
                              f"add that page with the line {GLOSSARY_MARKER}, or remove the glossary's {TERMS_FILE}")
        return get_relative_url(glossary.url, page.url)

    def on_page_content(self, html: str, *, page: Page, config, files):
        if not self.config.enabled:
            return html
        language = written_language(page, self.languages, self.language)
        strings = load_ui_strings()
        if SHARE_IMAGE_MARKER in html:
            html = html.replace(SHARE_IMAGE_MARKER, self._share_image(page, config, language, strings))
        if "data-wayout-ui=" not in html:
            return html
        return _UI_WORD.sub(lambda match: match.group(1) + strings.translate(match.group("key"), language) + match.group(4), html)

    def _share_image(self, page: Page, config, language: str, strings) -> str:
        """Draw the kit's share image beside the page and show it with a download link."""
        meta = page.meta or {}
        if meta.get("type") != "kit":
            raise PluginError(f"{page.file.src_uri}: the share-image marker only works on a campaign kit (type: kit) — remove it")
        audience = load_vocabularies().label("audiences", meta["audience"], language)
        image = ShareImage(message=meta["share_text"], audience=audience, site_name=config.site_name)
        try:
            render(image, Path(page.file.abs_dest_path).parent / SHARE_IMAGE_FILE)
        except FontNotFound as error:
            raise PluginError(f"{page.file.src_uri}: cannot draw the share image: {error}") from error
        alt = html_escape(f"{audience}: {image.message} ({image.site_name})")
        label = html_escape(strings.translate("kit.download_image", language))
        return (f'<figure class="wayout-share-image"><img src="{SHARE_IMAGE_FILE}" alt="{alt}" width="600" height="315">'
                f'<figcaption><a href="{SHARE_IMAGE_FILE}" download>{label}</a></figcaption></figure>')

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
