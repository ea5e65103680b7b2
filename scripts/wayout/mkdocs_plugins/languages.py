"""Which language a page is written in, and which language a build is for (mkdocs-static-i18n)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def build_languages(config: MkDocsConfig) -> list[str]:
    language = config.theme.get("language") or "en"
    return [alternate["lang"] for alternate in config.extra.get("alternate") or []] or [language]


def written_language(page: Page, languages: list[str] | set[str], build_language: str) -> str:
    """The folder layout is docs/<language>/…; an untranslated page shown in another language's
    build is still written in its own language."""
    first = page.file.src_uri.partition("/")[0]  # src_uri is always "/"-separated
    return first if first in languages else build_language


def build_prefix(page: Page, build_language: str) -> str:
    """"fr/" for pages of the French build, "" for the default language at the site root."""
    return f"{build_language}/" if page.url.startswith(f"{build_language}/") else ""
