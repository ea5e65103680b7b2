"""Numbers as each language writes them: 1,234 · 1 234 · 1.234; 60% · 60 %.

The conventions come from the Unicode CLDR data that Babel ships, so a new language needs no
entry of its own here. Years are not numbers in this sense (2021, never 2,021): format them as
they are.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, format_percent

# The site's Portuguese is that of Portugal (design brief); CLDR's plain "pt" is Brazil's.
_REGION_OF_LANGUAGE = {"pt": "pt_PT"}


class UnknownNumberLanguage(ValueError):
    pass


@cache
def _locale(language: str) -> Locale:
    code = _REGION_OF_LANGUAGE.get(language, language).replace("-", "_")
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise UnknownNumberLanguage(f"no number conventions for the language `{language}`") from error


def knows_language(language: str) -> bool:
    try:
        _locale(language)
    except UnknownNumberLanguage:
        return False
    return True


def format_number(value: int | float, language: str) -> str:
    """1234 → "1,234" (en), "1 234" (fr, narrow no-break space), "1.234" (de, nl); 12.5 → "12,5"."""
    return format_decimal(value, locale=_locale(language))


def format_share(fraction: float, language: str) -> str:
    """0.6 → "60%" (en, nl, pt), "60 %" (fr, de, with a no-break space); whole per cents."""
    return format_percent(fraction, locale=_locale(language))
