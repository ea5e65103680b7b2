"""The language of a work, from its entry's `langid` field (BibLaTeX's name for it).

A reference's title is shown in the language it was written in. Two things depend on knowing it:
APA's sentence case is a rule of English, so a German, French or Dutch title is shown as written
(German nouns keep their capitals), as BibLaTeX and CSL processors do; and a title in another
language than the page's is marked with its own `lang`, so that a screen reader pronounces it in
that language (WCAG 2.1, 3.1.2 Language of Parts).

An entry without `langid` is a work in English, as every entry was before the field existed.
"""

from __future__ import annotations

from wayout.language_tags import base_language

ENGLISH = "en"

# BibLaTeX's language names (babel's and polyglossia's), and the BCP 47 tag of each language
# itself, which is what Zotero's Language field holds: either may be pasted in.
_NAMED = {
    "en": ("english", "american", "british", "australian", "canadian", "newzealand", "ukenglish", "usenglish"),
    "bg": ("bulgarian",),
    "cs": ("czech",),
    "da": ("danish",),
    "de": ("german", "ngerman", "austrian", "naustrian", "swissgerman", "nswissgerman"),
    "el": ("greek",),
    "es": ("spanish",),
    "et": ("estonian",),
    "fi": ("finnish",),
    "fr": ("french", "acadian", "canadien"),
    "ga": ("irish",),
    "hr": ("croatian",),
    "hu": ("hungarian", "magyar"),
    "it": ("italian",),
    "lt": ("lithuanian",),
    "lv": ("latvian",),
    "mt": ("maltese",),
    "nl": ("dutch",),
    "pl": ("polish",),
    "pt": ("portuguese", "brazilian", "brazil", "portuges"),
    "ro": ("romanian",),
    "sk": ("slovak",),
    "sl": ("slovene", "slovenian"),
    "sv": ("swedish",),
    "ar": ("arabic",),
    "id": ("indonesian", "bahasai"),
    "nb": ("norwegian", "norsk"),
    "ru": ("russian",),
    "tr": ("turkish",),
}
LANGUAGE_TAGS: dict[str, str] = {
    **{tag: tag for tag in _NAMED},
    **{name: tag for tag, names in _NAMED.items() for name in names},
}


def language_tag(langid: str | None) -> str | None:
    """The BCP 47 tag of a `langid` value, whatever its case; English for no value, None for a
    value the site does not know."""
    if langid is None or not langid.strip():
        return ENGLISH
    value = langid.strip().lower()
    if value in LANGUAGE_TAGS:
        return LANGUAGE_TAGS[value]
    primary = base_language(value)
    return primary if primary != value and primary in _NAMED else None  # "de-DE", "pt_BR": the language is enough


def accepted_langids() -> str:
    """The values a contributor may write, for the message about one the site does not know."""
    return ", ".join(sorted(names[0] for names in _NAMED.values()))
