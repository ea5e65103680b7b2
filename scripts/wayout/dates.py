"""Dates as each language writes them: 27 November 2026, 27 novembre 2026, 27. November 2026."""

from __future__ import annotations

from functools import cache
from importlib import resources

from wayout import yaml_files
from wayout.language_tags import for_language


@cache
def _formats() -> dict:
    return yaml_files.safe_load(resources.files("wayout.data").joinpath("dates.yml").read_text("utf-8"))


def format_date(iso_date: str, language: str) -> str:
    """`iso_date` as YYYY-MM-DD; a language without its own entry (or a regional variant such as
    pt-BR or pt_BR without one) falls back to its base language, then English."""
    formats = _formats()
    chosen = for_language(formats, language) or formats["en"]
    year, month, day = (int(part) for part in str(iso_date)[:10].split("-"))
    return chosen["pattern"].format(day=day, month=chosen["months"][month - 1], year=year)


def date_languages() -> list[str]:
    return list(_formats())
