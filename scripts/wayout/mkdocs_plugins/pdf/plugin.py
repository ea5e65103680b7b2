"""PDFs of factsheets, evidence cards, training modules' handouts and the policymaker brief, in
every language, made from the built HTML with WeasyPrint, and a "Download as PDF" link on each.

Which pages, what goes into the PDF and how it is rendered come from scripts/wayout/pdf/ (no
MkDocs there). This plugin puts the link on the page, collects each page's final HTML as it is
written, and renders the PDFs at the end of each language's build.

mkdocs-static-i18n builds each language on this same instance, the others inside the default
language's on_post_build; so the state is reset in on_config and each language's PDFs are rendered
in its own on_post_build, before the next language starts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wayout.mkdocs_plugins.languages import build_languages, build_prefix, written_language
from wayout.mkdocs_plugins.pdf.config import PdfConfig
from wayout.pdf.document import (
    PDF_LINK_CLASS,
    article_content,
    first_heading,
    pdf_html,
    plain_text,
    resolve_links,
    section,
    with_diagram_styles,
    with_line_breaks_before_inline_elements,
    without_screen_controls,
)
from wayout.pdf.selection import HANDOUTS, HANDOUTS_ID, pdf_kind, pdf_path
from wayout.problems import display_path
from wayout.ui_strings import load_ui_strings

log = get_plugin_logger(__name__)

# One renderer per process and set of stylesheets: the fonts and the parsed CSS serve every
# language's build, and every rebuild of `mkdocs serve` (which makes new plugin instances).
_RENDERERS: dict[tuple, object] = {}


@dataclass(frozen=True)
class PdfPage:
    kind: str
    path: str  # the PDF's path in the site
    language: str  # the language the page is written in
    render: bool  # False for an untranslated page, which links to its own language's PDF


@dataclass(frozen=True)
class PdfJob:
    path: str
    html: str
    source: str
    base_url: str  # the page's folder in the built site, for any image the page shows


class PdfPlugin(BasePlugin[PdfConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.language = "en"
        self.default_language: str | None = None
        self.languages: list[str] = []
        self.pages: dict[str, PdfPage] = {}  # page url: its PDF
        self.jobs: list[PdfJob] = []
        self.root = Path.cwd()

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig):
        self.language = config.theme.get("language") or "en"
        # mkdocs-static-i18n configures the default language first; each later call is another language.
        self.default_language = self.default_language or self.language
        self.languages = build_languages(config)
        self.root = Path(config.config_file_path).parent
        self.pages = {}
        self.jobs = []
        return config

    # After the content and framework plugins (10) have put the page header or profile after the
    # title, so that the link comes right under the title and not below a whole profile; after the
    # search plugin (0) has indexed the page, so that "Download as PDF" is not in every result.
    @event_priority(-10)
    def on_page_context(self, context, *, page: Page, config, nav):
        if not self.config.enabled:
            return context
        source = PurePosixPath(page.file.src_uri)
        inside = source.relative_to(source.parts[0]).as_posix() if source.parts[0] in self.languages else source.as_posix()
        kind = pdf_kind(page.meta or {}, inside, self.config.briefs)
        if kind is None:
            return context
        if kind == HANDOUTS and f'id="{HANDOUTS_ID}"' not in page.content:
            raise PluginError(f"{self._where(page)}: a training module needs a `## … {{#{HANDOUTS_ID}}}` section, "
                              "which its PDF holds — add the module's handouts under that heading")
        language = written_language(page, self.languages, self.language)
        pdf = PdfPage(kind, self._pdf_site_path(page, language), language, render=language == self.language)
        self.pages[page.url] = pdf
        label = load_ui_strings().translate("pdf.download_handouts" if kind == HANDOUTS else "pdf.download", language)
        link = (f'<p class="wayout-downloads {PDF_LINK_CLASS}"><a href="{get_relative_url(pdf.path, page.url)}" '
                f'type="application/pdf" download>{label}</a></p>')
        end = page.content.find("</h1>")
        cut = end + len("</h1>") if end != -1 else 0
        page.content = page.content[:cut] + link + page.content[cut:]
        return context

    def _pdf_site_path(self, page: Page, language: str) -> str:
        path = pdf_path(page.file.dest_uri, page.file.src_uri)
        if language == self.language:
            return path
        # An untranslated page shown in this language's build: its text is the original's, so it
        # links to the PDF that the original language's build writes, instead of making a copy.
        path = path.removeprefix(build_prefix(page, self.language))
        return path if language == self.default_language else f"{language}/{path}"

    # After the citations plugin (0) has put citation links and reference lists into the page;
    # before the site plugin (-200), which only changes the page's head.
    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config):
        pdf = self.pages.get(page.url)
        if not self.config.enabled or pdf is None or not pdf.render:
            return output
        try:
            article = without_screen_controls(article_content(output))
        except ValueError as error:
            raise PluginError(f"{self._where(page)}: no PDF — {error}; the theme's page layout has changed") from None
        title = page.title or ""
        body = article
        if pdf.kind == HANDOUTS:
            handouts = section(article, HANDOUTS_ID) or ""
            heading = first_heading(article) or ""
            body = heading + handouts
            title = f"{title} — {plain_text(handouts[: handouts.find('</h2>')])}"
        site_url = config.site_url or None
        body = with_diagram_styles(with_line_breaks_before_inline_elements(resolve_links(body, page.url, site_url)))
        source_url = None
        if site_url:
            source_url = site_url.rstrip("/") + "/" + page.url + (f"#{HANDOUTS_ID}" if pdf.kind == HANDOUTS else "")
        html = pdf_html(
            body,
            language=pdf.language,
            title=title,
            kind=pdf.kind,
            description=str((page.meta or {}).get("summary") or ""),
            author=config.site_name,
            source_url=source_url,
        )
        base_url = (Path(config.site_dir).resolve() / page.file.dest_uri).parent.as_uri() + "/"
        self.jobs.append(PdfJob(pdf.path, html, self._where(page), base_url))
        return output

    # Before mkdocs-static-i18n (-100), whose on_post_build builds the other languages: their
    # on_config resets this plugin's list of PDFs to write.
    @event_priority(-50)
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        started = time.perf_counter()
        if self.jobs:
            renderer = self._renderer(config)
            site_dir = Path(config.site_dir)
            for job in self.jobs:
                try:
                    problems = renderer.write(job.html, site_dir / job.path, job.base_url)
                except Exception as error:  # WeasyPrint's own failure: say which page, without a traceback
                    raise PluginError(f"{job.source}: WeasyPrint could not make {job.path}: {error!r} — "
                                      "set WAYOUT_PDF=false to build without PDFs while this is fixed") from error
                # A resource it could not load or a link it could not place: a warning, which stops a strict build.
                for problem in problems:
                    log.warning(f"{job.source}: WeasyPrint, making {job.path}: {problem.message}")
        log.info(f"PDFs: {len(self.jobs)} written in {time.perf_counter() - started:.1f} s ({self.language})")
        self.jobs = []

    def _renderer(self, config: MkDocsConfig):
        from wayout.pdf.render import PdfRenderer

        stylesheets = [self._stylesheet(config, name) for name in self.config.stylesheets]
        key = tuple((str(path), path.stat().st_mtime_ns) for path in stylesheets)
        renderer = _RENDERERS.get(key)
        if renderer is None:
            try:
                renderer = _RENDERERS[key] = PdfRenderer(stylesheets)
            except ImportError as error:
                raise PluginError(f"wayout-pdf: WeasyPrint is not installed ({error}) — run `make setup`, which installs "
                                  "it from requirements/site.lock, or set WAYOUT_PDF=false to build without PDFs") from None
            except OSError as error:  # WeasyPrint loads Pango and HarfBuzz from the system
                raise PluginError(f"wayout-pdf: WeasyPrint cannot load a system library ({error}) — install Debian's "
                                  "libpango-1.0-0, libpangoft2-1.0-0 and libharfbuzz-subset0, "
                                  "or set WAYOUT_PDF=false to build without PDFs") from None
            # CSS that WeasyPrint does not know is expected in the site's screen stylesheet.
            for problem in renderer.problems:
                log.debug(f"WeasyPrint, reading the PDF stylesheets: {problem.message}")
        return renderer

    def _stylesheet(self, config: MkDocsConfig, name: str) -> Path:
        for folder in config.theme.dirs:
            path = Path(folder) / name
            if path.is_file():
                return path
        raise PluginError(f"mkdocs.yml: the PDF stylesheet `{name}` is in none of the theme's folders — "
                          "put it under overrides/ or correct the `stylesheets` option of wayout-pdf")

    def _where(self, page: Page) -> str:
        return display_path(Path(page.file.abs_src_path), self.root)
