"""Citation terms ("&", "Eds.", "pp.", "n.d." …) per language, from terms.yml, English as fallback."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml

from wayout.language_tags import for_language

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Terms:
    language: str
    and_in_parentheses: str
    and_in_text: str
    comma_before_last_and: bool
    et_al: str
    editor: str
    editors: str
    no_date: str
    page: str
    pages: str
    chapter: str
    section: str
    paragraph: str
    in_: str
    article_number: str
    report_number: str
    volume: str
    edition: str
    ordinal: str
    ordinal_by_last_digit: dict[int, str]
    ordinal_exact: dict[int, str]
    doctoral_thesis: str
    masters_thesis: str

    def edition_label(self, edition: str) -> str:
        """"5th" or "5" → "5th ed." / "5e éd." / "5. Aufl."; a wordy edition is kept as written."""
        digits = edition.strip().rstrip(".")
        for suffix in ("st", "nd", "rd", "th"):
            if digits.lower().endswith(suffix) and digits[: -len(suffix)].isdigit():
                digits = digits[: -len(suffix)]
        if digits.isdigit():
            return self.edition.format(ordinal=self.ordinal_of(int(digits)))
        return self.edition.format(ordinal=edition.strip())

    def ordinal_of(self, number: int) -> str:
        pattern = self.ordinal_exact.get(number) or self.ordinal_by_last_digit.get(number % 10) or self.ordinal
        return pattern.format(n=number)


# YAML keys that are Python keywords get a trailing underscore in the dataclass.
_FIELD_FOR_KEY = {"in": "in_"}
_KEY_FOR_FIELD = {value: key for key, value in _FIELD_FOR_KEY.items()}


class TermBook:
    """Every language's terms; `for_language` falls back term by term to English."""

    def __init__(self, raw: dict[str, dict[str, Any]]):
        if FALLBACK_LANGUAGE not in raw:
            raise ValueError(f"terms.yml has no {FALLBACK_LANGUAGE!r} block, which every other language falls back to")
        known = {_KEY_FOR_FIELD.get(field.name, field.name) for field in fields(Terms)} - {"language"}
        for language, terms in raw.items():
            unknown = set(terms) - known
            if unknown:
                raise ValueError(f"terms.yml: language {language!r} has unknown terms {sorted(unknown)}")
        missing = known - set(raw[FALLBACK_LANGUAGE])
        if missing:
            raise ValueError(f"terms.yml: English lacks {sorted(missing)}; English must be complete")
        self._raw = raw
        self._cache: dict[str, Terms] = {}

    @property
    def languages(self) -> list[str]:
        return list(self._raw)

    def for_language(self, language: str) -> Terms:
        if language not in self._cache:
            own = for_language(self._raw, language) or {}
            merged = {**self._raw[FALLBACK_LANGUAGE], **own}
            values = {_FIELD_FOR_KEY.get(key, key): value for key, value in merged.items()}
            self._cache[language] = Terms(language=language, **values)
        return self._cache[language]


@cache
def load_term_book() -> TermBook:
    text = resources.files("wayout.bibliography").joinpath("terms.yml").read_text("utf-8")
    # libyaml's parser where PyYAML has it: the same data, ten times faster than the pure-Python one
    return TermBook(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
