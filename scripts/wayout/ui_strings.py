"""Interface strings per language, for the parts of the page that Material does not translate."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from wayout import yaml_files
from wayout.language_tags import for_language

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class UiStrings:
    strings: dict[str, dict[str, str]]

    def translate(self, key: str, language: str) -> str:
        """The string in `language`, else in English; an unknown key is a programming error."""
        if key not in self.strings:
            raise KeyError(f"unknown interface string {key!r}; add it to wayout/data/ui.yml")
        by_language = self.strings[key]
        return for_language(by_language, language) or by_language[DEFAULT_LANGUAGE]

    def missing(self, languages: list[str]) -> list[tuple[str, str]]:
        """(key, language) pairs with no translation."""
        return [(key, language) for key, values in self.strings.items() for language in languages if not values.get(language)]


@cache
def load_ui_strings() -> UiStrings:
    text = resources.files("wayout.data").joinpath("ui.yml").read_text("utf-8")
    return UiStrings(yaml_files.safe_load(text))
