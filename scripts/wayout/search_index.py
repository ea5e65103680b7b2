"""One search index per language, so that a search stays in the reader's language.

mkdocs-static-i18n merges every language's entries into one index at the site root, searched
with every language's stemmer at once; Material then offers English results to a French reader.
This splits that index: the default language keeps the root index, and each other language gets
`<language>/search/search_index.json` with only the pages written in it, locations relative to
its own folder, and only its own stemmer and stop words.
"""

from __future__ import annotations

import copy
import json


def split_search_index(index: dict, languages: list[str], default: str, excluded: set[str],
                       settings: dict[str, dict] | None = None) -> dict[str, dict]:
    """{language: index}. `excluded`: locations (page URLs) of pages shown in a language they are
    not written in (untranslated fallbacks), which belong to no language's results but their own.
    `settings`: per language, what replaces the merged index's search settings (its stemmer
    languages `lang`, word `separator` and `pipeline`); a language without is searched with
    its own stemmer and the merged index's other settings."""
    split = {language: {**copy.deepcopy({key: value for key, value in index.items() if key != "docs"}), "docs": []}
             for language in languages}
    for language in languages:
        own = (settings or {}).get(language) or {"lang": [language]}
        split[language]["config"] = {**index.get("config", {}), **own}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page = location.split("#", 1)[0]
        if page in excluded:
            continue
        prefix = location.split("/", 1)[0]
        if prefix in languages and prefix != default and location.startswith(prefix + "/"):
            split[prefix]["docs"].append({**doc, "location": location[len(prefix) + 1:]})
        else:
            split[default]["docs"].append(doc)
    return split


def serialise(index: dict) -> str:
    # As Material writes it: compact, so that each reader downloads as little as possible.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
