"""Which language a page is written in, and which language a build is for (mkdocs-static-i18n)."""

from __future__ import annotations

from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def build_languages(config: MkDocsConfig) -> list[str]:
    language = config.theme.get("language") or "en"
    return [alternate["lang"] for alternate in config.extra.get("alternate") or []] or [language]


def language_folder(src_uri: str, languages: Collection[str]) -> tuple[str | None, str]:
    """(the language folder a source file is in, its path inside that folder), from the layout
    docs/<language>/…; (None, src_uri) for a file outside the language folders."""
    first, separator, inside = src_uri.partition("/")  # src_uri is always "/"-separated
    return (first, inside) if separator and first in languages else (None, src_uri)


def written_language(page: Page, languages: Collection[str], build_language: str) -> str:
    """An untranslated page shown in another language's build is still written in its own language."""
    return language_folder(page.file.src_uri, languages)[0] or build_language


def build_prefix(page: Page, build_language: str) -> str:
    """"fr/" for pages of the French build, "" for the default language at the site root."""
    return f"{build_language}/" if page.url.startswith(f"{build_language}/") else ""
