"""Controlled vocabularies: the allowed values of structured fields and their labels per language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from wayout import yaml_files

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Vocabularies:
    terms: dict[str, dict[str, dict[str, str]]]  # vocabulary -> value -> language -> label

    def names(self) -> list[str]:
        return list(self.terms)

    def values(self, vocabulary: str) -> list[str]:
        return list(self.terms[vocabulary])

    def label(self, vocabulary: str, value: str, language: str) -> str:
        labels = self.terms[vocabulary][value]
        return labels.get(language) or labels[DEFAULT_LANGUAGE]

    def missing_labels(self, languages: list[str]) -> list[tuple[str, str, str]]:
        """(vocabulary, value, language) for every label that is missing."""
        return [
            (vocabulary, value, language)
            for vocabulary, values in self.terms.items()
            for value, labels in values.items()
            for language in languages
            if not (labels or {}).get(language)
        ]


@cache
def load_vocabularies() -> Vocabularies:
    text = resources.files("wayout.data").joinpath("vocabularies.yml").read_text("utf-8")
    data = yaml_files.safe_load(text)
    return Vocabularies({name: {str(value): labels for value, labels in values.items()} for name, values in data.items()})
