"""Wires the evaluation framework into MkDocs: profiles and cards rendered from their front matter,
the catalogues, the method's lookup table, the self-assessment and the open data.

The ratings, views and data come from scripts/wayout/framework/ (no MkDocs there); the layout comes
from templates in overrides/partials/wayout/. This plugin only decides where each goes.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wayout.framework.catalogue import catalogue
from wayout.framework.method import TABLES as METHOD_TABLES
from wayout.framework.method import method_view
from wayout.framework.opendata import LICENCE, programmes_csv, published_schemas, record, records_json
from wayout.framework.rules import rules_as_json
from wayout.framework.selfassessment import self_assessment_data
from wayout.framework.views import Labels, cited_keys, profile_view
from wayout.frontmatter import parse_front_matter
from wayout.mkdocs_plugins.framework.config import FrameworkConfig
from wayout.mkdocs_plugins.languages import build_languages, build_prefix, written_language
from wayout.problems import Problem, display_path, format_problems

log = get_plugin_logger(__name__)

RATED_TYPES = ("programme", "evidence")
CATALOGUE_MARKERS = {"programme": "<!-- programme-catalogue -->", "evidence": "<!-- evidence-catalogue -->"}
METHOD_MARKER = re.compile(r"<!-- framework-table: ([a-z-]+) -->")
OPEN_DATA_MARKER = "<!-- open-data -->"
SELF_ASSESSMENT_MARKER = "<!-- self-assessment -->"
# The current headline rating of an evidence card, wherever a page names it: the integrated
# programme shows each component's rating without copying it, so it cannot go stale.
EVIDENCE_RATING_MARKER = re.compile(r"<!-- evidence-rating: ([a-z0-9-]+) -->")


class FrameworkPlugin(BasePlugin[FrameworkConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.env = None
        self.language = "en"
        self.default_language: str | None = None
        self.languages: list[str] = []
        self.profiles: dict[str, dict] = {}  # page url: {"front", "view"}
        self.root = Path.cwd()

    # After mkdocs-static-i18n (-100), which sets the language of the build being configured.
    @event_priority(-130)
    def on_config(self, config: MkDocsConfig):
        self.language = config.theme.get("language") or "en"
        self.root = Path(config.config_file_path).parent
        # mkdocs-static-i18n configures the default language first; each later call is another language.
        self.default_language = self.default_language or self.language
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
        self.profiles[page.url] = {"front": front.data, "view": profile_view(front.data, language)}
        citations = config.plugins.get("wayout-citations")
        if citations is not None and citations.renderer is not None:
            citations.renderer.also_cite = cited_keys(front.data)
        return markdown

    def on_env(self, env, *, config, files):
        self.env = env
        # Every page of this build is rendered by now, and each is written in turn: checked here,
        # every bad marker is reported at once rather than the first one written.
        problems = self._marker_problems(files) if self.config.enabled else []
        if problems:
            raise PluginError(format_problems(sorted(set(problems))))
        # Every page of this build has been read by now. The open data comes from the default
        # language's pages and is written once; later language builds would only repeat it.
        if self.config.enabled and self.language == self.default_language:
            self._write_open_data(config)
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
        if "<!--" not in page.content:
            return context  # every marker below is an HTML comment
        for kind, marker in CATALOGUE_MARKERS.items():
            if marker in page.content:
                page.content = page.content.replace(marker, self._catalogue_html(kind, page))
        if "<!-- framework-table:" in page.content:
            method = method_view(written_language(page, self.languages, self.language))
            template = self.env.get_template("partials/wayout/method.html")
            page.content = METHOD_MARKER.sub(lambda match: self._method_table(template, method, match, page), page.content)
        if SELF_ASSESSMENT_MARKER in page.content:
            data = self_assessment_data(written_language(page, self.languages, self.language))
            html = self.env.get_template("partials/wayout/self-assessment.html").render(data=data)
            page.content = page.content.replace(SELF_ASSESSMENT_MARKER, html)
        if "<!-- evidence-rating:" in page.content:
            page.content = EVIDENCE_RATING_MARKER.sub(lambda match: self._evidence_rating(match, page), page.content)
        if OPEN_DATA_MARKER in page.content:
            root = "../" * page.url.count("/")
            language = written_language(page, self.languages, self.language)
            links = self.env.get_template("partials/wayout/open-data.html").render(
                root=root + self.config.data_dir + "/", labels=Labels(language)
            )
            page.content = page.content.replace(OPEN_DATA_MARKER, links)
        return context

    def _marker_problems(self, files) -> list[Problem]:
        """Every unknown framework table and evidence card named in this build's pages."""
        problems = []
        for file in files.documentation_pages():
            content = file.page.content if file.page is not None else None
            if not content or "<!--" not in content:
                continue
            for match in METHOD_MARKER.finditer(content):
                if match.group(1) not in METHOD_TABLES:
                    problems.append(self._unknown_table(match, file.page))
            for match in EVIDENCE_RATING_MARKER.finditer(content):
                if self._evidence_card(match.group(1), file.page) is None:
                    problems.append(self._unknown_card(match, file.page))
        return problems

    def _unknown_table(self, match: re.Match, page: Page) -> Problem:
        return Problem(*self._where(page, match.group(0)), f"unknown framework table `{match.group(1)}`",
                       f"use one of: {', '.join(METHOD_TABLES)}")

    def _unknown_card(self, match: re.Match, page: Page) -> Problem:
        cards = sorted(PurePosixPath(key).name for key, value in self.profiles.items() if value["front"]["type"] == "evidence"
                       and key.startswith(build_prefix(page, self.language) + self.config.evidence_dir + "/"))
        return Problem(*self._where(page, match.group(0)), f"no evidence card `{match.group(1)}`", f"use one of: {', '.join(cards)}")

    def _evidence_card(self, card: str, page: Page) -> dict | None:
        profile = self.profiles.get(self._card_url(card, page))
        return profile if profile is not None and profile["front"]["type"] == "evidence" else None

    def _card_url(self, card: str, page: Page) -> str:
        return f"{build_prefix(page, self.language)}{self.config.evidence_dir}/{card}/"

    # on_env has reported every unknown table and card; these raise only if a page changed since.
    def _method_table(self, template, method: dict, match: re.Match, page: Page) -> str:
        if match.group(1) not in METHOD_TABLES:
            raise PluginError(str(self._unknown_table(match, page)))
        return template.render(method=method, table=match.group(1))

    def _evidence_rating(self, match: re.Match, page: Page) -> str:
        profile = self._evidence_card(match.group(1), page)
        if profile is None:
            raise PluginError(str(self._unknown_card(match, page)))
        badge = self.env.get_template("partials/wayout/badge.html").render(badge=profile["view"]["headline"])
        return f'<a class="wayout-rating-link" href="{get_relative_url(self._card_url(match.group(1), page), page.url)}">{badge}</a>'

    def _where(self, page: Page, text: str) -> tuple[str, int]:
        source = page.file.content_string
        line = source[: max(source.find(text), 0)].count("\n") + 1
        return display_path(Path(page.file.abs_src_path), self.root), line

    def _write_open_data(self, config) -> None:
        folder = Path(config.site_dir) / self.config.data_dir
        (folder / "schemas").mkdir(parents=True, exist_ok=True)
        by_kind: dict[str, list[dict]] = {"programme": [], "evidence": []}
        for url, profile in self.profiles.items():
            by_kind[profile["front"]["type"]].append(record(PurePosixPath(url).name, url, profile["front"]))
        files = {
            "programmes.json": records_json(by_kind["programme"]),
            "programmes.csv": programmes_csv(by_kind["programme"]),
            "evidence.json": records_json(by_kind["evidence"]),
            "framework-rules.json": rules_as_json() + "\n",
            "LICENCE.txt": LICENCE,
            **{f"schemas/{name}": text for name, text in published_schemas().items()},
        }
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        log.info(f"Open data: {len(by_kind['programme'])} programmes and {len(by_kind['evidence'])} evidence cards written to {folder}")

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
