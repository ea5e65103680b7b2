"""What the real site should contain: its languages and pages, read from mkdocs.yml and docs/en/."""

from __future__ import annotations

from pathlib import Path

from wayout.site_config import i18n_languages, read_site_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def languages() -> list[dict]:
    return i18n_languages(read_site_config(PROJECT_ROOT / "mkdocs.yml"))


def default_language() -> str:
    return next(language["locale"] for language in languages() if language.get("default"))


def language_prefix(locale: str) -> str:
    return "" if locale == default_language() else f"{locale}/"


def english_page_paths() -> list[str]:
    """Site paths of the English source pages, e.g. "" for the home page and "about/"."""
    source = PROJECT_ROOT / "docs" / default_language()
    paths = []
    for markdown in sorted(source.rglob("*.md")):
        relative = markdown.relative_to(source).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "index":
            parts = parts[:-1]
        paths.append("".join(f"{part}/" for part in parts))
    return paths


def all_page_paths() -> list[tuple[str, str]]:
    """(locale, site path) for every page in every language; each language has every page."""
    return [
        (language["locale"], language_prefix(language["locale"]) + path)
        for language in languages()
        for path in english_page_paths()
    ]
