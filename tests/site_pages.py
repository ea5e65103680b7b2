"""What the real site should contain: its languages and pages, read from mkdocs.yml and docs/en/."""

from __future__ import annotations

from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' own tags (!ENV); their values do not matter to these tests."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def site_config() -> dict:
    return yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTagsLoader)


def languages() -> list[dict]:
    for plugin in site_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise AssertionError("mkdocs.yml has no i18n plugin")


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
