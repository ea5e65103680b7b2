"""Site-wide build rules: front-matter checks, Content-Security-Policy, per-language sitemaps and 404.

mkdocs-static-i18n runs one whole MkDocs build per language on the same plugin instance, nested inside
the post_build event of the first (default-language) build. So per-build state is reset in on_config,
and work that must see every language waits for the outermost on_post_build.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import json
import re

from wayout.csp import add_content_security_policy
from wayout.glossary_translations import glossary_status
from wayout.language_data import missing_language_entries
from wayout.search_index import serialise, split_search_index
from wayout.mkdocs_plugins.site.config import SiteConfig
from wayout.mkdocs_plugins.site.material_search import search_settings
from wayout.numbers import format_number, format_share
from wayout.link_checks import check_links
from wayout.pages import check_pages
from wayout.problems import format_problems
from wayout.sitemap import SitemapEntry, alternates_in_page, directory_sitemaps
from wayout.template_cache import own_templates_cache
from wayout.translations import STATES, page_status, summary, translation_status
from wayout.ui_strings import load_ui_strings

TRANSLATION_COVERAGE_MARKER = "<!-- translation-coverage -->"
# Material reads the search index (and resolves result links) from `base` in this JSON.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.DOTALL)

log = get_plugin_logger(__name__)


class SitePlugin(BasePlugin[SiteConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.build_depth = 0
        self.default_language: str | None = None
        self.language = "en"
        self.not_found_pages: dict[str, str] = {}
        self.sitemaps: dict[str, list[SitemapEntry]] = {}
        self.checked_fingerprint: tuple | None = None
        self.live_reload = False
        self.fallback_urls: set[str] = set()
        self.languages: list[str] = []
        self.search_settings: dict[str, dict] = {}  # language: how Material searches it
        self.translation_states: dict[tuple[str, str], str] = {}  # (language, page in its folder): its state

    def on_startup(self, *, command, dirty):
        self.build_depth = 0
        self.live_reload = command == "serve"
        if self.live_reload:
            log.info("Serving: inline scripts are allowed so that live reload works; `mkdocs build` keeps the strict policy")

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig):
        if not self.config.enabled:
            return config
        self.language = config.theme.get("language") or "en"
        if self.build_depth == 0:
            self.default_language = self.language
            self.not_found_pages = {}
            self.sitemaps = {}
            self.fallback_urls = set()
            self.search_settings = {}
            self.translation_states = {}
        self.languages = [alternate["lang"] for alternate in config.extra.get("alternate") or []]
        if self.config.check_front_matter:
            self._check_front_matter(config)
        if self.build_depth == 0:
            languages = self.languages or [self.language]
            english = [language for language in languages if language in self.config.english_interface]
            translated = [language for language in languages if language not in english]
            problems = missing_language_entries(translated, Path(config.config_file_path).parent)
            if problems:
                raise PluginError(format_problems(problems))
            if english:
                log.info(f"Interface texts still in English for: {', '.join(english)} (english_interface in mkdocs.yml)")
            self._log_translation_status(config)
        return config

    def _log_translation_status(self, config: MkDocsConfig) -> None:
        languages = [alternate["lang"] for alternate in config.extra.get("alternate") or []]
        if len(languages) < 2 or not (Path(config.docs_dir) / self.language).is_dir():
            return
        statuses = translation_status(Path(config.docs_dir), self.language, languages)
        # Kept for the pages' outdated notices: the builds of the other languages come next.
        self.translation_states = {(status.language, status.page): status.state for status in statuses}
        counts = summary(statuses)
        report = "; ".join(
            f"{language} " + ", ".join(f"{counts[language][state]} {state}" for state in STATES) for language in counts
        )
        log.info(f"Translations: {report} (wayout i18n lists the pages)")
        terms = glossary_status(Path(config.docs_dir), self.language, languages)
        if terms:
            behind = ", ".join(f"{language} {counts['outdated'] + counts['missing']}" for language, counts in summary(terms).items())
            log.info(f"Glossary terms not current: {behind}")

    def on_pre_build(self, *, config):
        self.build_depth += 1

    def on_build_error(self, *, error):
        self.build_depth = 0

    # Before the other plugins' on_env, which may already load our templates.
    @event_priority(100)
    def on_env(self, env, *, config, files):
        if config.theme.custom_dir and env.bytecode_cache is None:
            env.bytecode_cache = own_templates_cache([config.theme.custom_dir])
        if self.config.enabled and self.config.language_search and len(self.languages) > 1:
            self.search_settings[self.language] = search_settings(config, env)
        strings = load_ui_strings()
        env.globals["wayout_t"] = lambda key: strings.translate(key, self.language)
        return env

    def on_page_context(self, context, *, page: Page, config, nav):
        if not self.config.enabled:
            return context
        source_language = page.file.src_uri.split("/", 1)[0]
        languages = {alternate["lang"] for alternate in config.extra.get("alternate") or []}
        context["wayout_fallback"] = source_language in languages and source_language != self.language
        if context["wayout_fallback"]:
            self.fallback_urls.add(page.url)
        context["wayout_source_language"] = source_language
        context["wayout_outdated"] = False
        default = self.default_language or self.language
        english_url = page.url[len(self.language) + 1:] if page.url.startswith(f"{self.language}/") else page.url
        context["wayout_english_url"] = get_relative_url(english_url or ".", page.url) if self.language != default else None
        if source_language == self.language and self.language != default and source_language in languages:
            inside = page.file.src_uri.split("/", 1)[1]
            docs_dir = Path(config.docs_dir)
            state = self.translation_states.get((self.language, inside))
            if state is None and (docs_dir / default / inside).is_file():
                state = page_status(docs_dir, default, self.language, inside).state
            context["wayout_outdated"] = state == "outdated"
        return context

    def on_page_content(self, html: str, *, page: Page, config, files):
        if not self.config.enabled or TRANSLATION_COVERAGE_MARKER not in html:
            return html
        languages = [alternate["lang"] for alternate in config.extra.get("alternate") or []]
        default = self.default_language or self.language
        statuses = translation_status(Path(config.docs_dir), default, languages)
        return html.replace(TRANSLATION_COVERAGE_MARKER, self._coverage_html(statuses, config))

    def _coverage_html(self, statuses, config) -> str:
        strings = load_ui_strings()
        names = {alternate["lang"]: alternate.get("name", alternate["lang"]) for alternate in config.extra.get("alternate") or []}
        counts = summary(statuses)

        def t(key: str) -> str:
            return strings.translate(key, self.language)

        head = "".join(f'<th scope="col">{t("translation." + state)}</th>' for state in STATES)
        rows = []
        for language, states in counts.items():
            total = sum(states.values()) or 1
            cells = "".join(f"<td>{format_number(states[state], self.language)}</td>" for state in STATES)
            share = format_share(states["current"] / total, self.language)
            rows.append(f'<tr><th scope="row" lang="{language}">{names.get(language, language)}</th>{cells}<td>{share}</td></tr>')
        return (f'<div class="wayout-table-scroll"><table class="wayout-coverage"><thead><tr><th scope="col">{t("translation.language")}</th>'
                f'{head}<th scope="col">{t("translation.share_current")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')

    # Last of all plugins: the policy hashes the final text of the page's inline scripts.
    @event_priority(-200)
    def on_post_page(self, output: str, *, page: Page, config):
        if not self.config.enabled:
            return output
        if self.config.language_sitemaps:
            location = page.canonical_url or page.abs_url or f"/{page.url}"
            entry = SitemapEntry(location, alternates_in_page(output, location))
            self.sitemaps.setdefault(self.language, []).append(entry)
        if self.config.language_search and self.language != self.default_language and len(self.languages) > 1:
            # This language's pages search this language's index, in <language>/search/. The slash
            # matters: Material resolves "search/search_index.json" against this URL.
            output = _CONFIG_BASE.sub(lambda match: f"{match.group(1)}{match.group(2).rstrip('/')}/{self.language}/{match.group(3)}",
                                      output, count=1)
        if self.config.content_security_policy:
            output = add_content_security_policy(output, live_reload=self.live_reload)
        return output

    @event_priority(-200)
    def on_post_template(self, output: str, *, template_name: str, config):
        if not self.config.enabled:
            return output
        if template_name == "404.html":
            if self.config.content_security_policy:
                output = add_content_security_policy(output, live_reload=self.live_reload)
            self.not_found_pages[self.language] = output
        return output

    # After mkdocs-static-i18n (-100), whose post_build runs the builds of the other languages.
    @event_priority(-200)
    def on_post_build(self, *, config):
        self.build_depth -= 1
        if not self.config.enabled:
            return
        if self.build_depth > 0:
            return  # A nested build of one language; the outermost build writes for all of them.
        site_dir = Path(config.site_dir)
        if self.config.language_sitemaps:
            self._write_folder_sitemaps(site_dir, config.site_url)
        self._write_not_found_pages(site_dir)
        if self.config.language_search and len(self.languages) > 1:
            self._write_language_search_indexes(site_dir)

    def _write_language_search_indexes(self, site_dir: Path) -> None:
        merged = site_dir / "search" / "search_index.json"
        if not merged.is_file():
            return
        default = self.default_language or self.language
        indexes = split_search_index(json.loads(merged.read_text("utf-8")), self.languages, default, self.fallback_urls,
                                     self.search_settings)
        sizes = []
        for language, index in indexes.items():
            target = merged if language == default else site_dir / language / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = serialise(index)
            target.write_text(text, encoding="utf-8")
            sizes.append(f"{language} {len(text.encode()) / 1024:.0f} KiB ({len(index['docs'])} entries)")
        log.info(f"Search indexes, one per language: {', '.join(sizes)}")

    def _check_front_matter(self, config: MkDocsConfig) -> None:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        pages = sorted(docs_dir.rglob("*.md"))
        fingerprint = tuple((str(path), path.stat().st_mtime_ns) for path in pages)
        if fingerprint == self.checked_fingerprint:
            return
        problems = check_pages(docs_dir, root, self.default_language)
        problems += check_links(docs_dir, root, self.languages or [self.language], config.site_url)
        if problems:
            raise PluginError(format_problems(problems))
        self.checked_fingerprint = fingerprint

    def _write_folder_sitemaps(self, site_dir: Path, site_url: str | None) -> None:
        base_path = urlsplit(site_url).path if site_url else "/"
        entries = [entry for language_entries in self.sitemaps.values() for entry in language_entries]
        # The root one too: mkdocs-static-i18n's writes "None" for every address when no site_url is set.
        for folder, xml in directory_sitemaps(entries, base_path).items():
            target = site_dir / folder / "sitemap.xml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(xml, encoding="utf-8")

    def _write_not_found_pages(self, site_dir: Path) -> None:
        """Each language built over the root 404.html in turn; the default language's belongs there."""
        for language, html in self.not_found_pages.items():
            if language == self.default_language:
                (site_dir / "404.html").write_text(html, encoding="utf-8")
            else:
                target = site_dir / language / "404.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
