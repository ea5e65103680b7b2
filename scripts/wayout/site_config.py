"""What the checker needs from mkdocs.yml, read without MkDocs."""

from __future__ import annotations

from pathlib import Path

import yaml


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml uses MkDocs' own tags (!ENV, !relative) and Python names (!!python/name: for
    superfences' formatters); their values do not matter here."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_site_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_IgnoreTagsLoader) or {}


def i18n_languages(config: dict) -> list[dict]:
    """The language entries of the mkdocs-static-i18n plugin; one English entry without it."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"].get("languages") or []
    return [{"locale": (config.get("theme") or {}).get("language", "en"), "default": True}]


def language_codes(config: dict) -> list[str]:
    return [language["locale"] for language in i18n_languages(config)]
