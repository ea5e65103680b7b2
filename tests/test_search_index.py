"""The merged search index of a multilingual build split into one index per language."""

from __future__ import annotations

from wayout.search_index import split_search_index

MERGED = {
    "config": {"lang": ["en", "fr", "ru"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000}}},
    "docs": [
        {"location": "", "title": "Home", "text": "English"},
        {"location": "about/", "title": "About", "text": "English"},
        {"location": "fr/", "title": "Accueil", "text": "Français"},
        {"location": "fr/about/", "title": "About", "text": "English page shown in French"},
        {"location": "bg/#section", "title": "Начало", "text": "Български"},
    ],
}


def test_each_language_gets_its_own_pages_with_locations_inside_its_folder():
    split = split_search_index(MERGED, ["en", "fr", "bg"], "en", excluded={"fr/about/"})
    assert [doc["location"] for doc in split["en"]["docs"]] == ["", "about/"]
    assert [doc["location"] for doc in split["fr"]["docs"]] == [""]
    assert [doc["location"] for doc in split["bg"]["docs"]] == ["#section"]


def test_without_settings_a_language_is_searched_with_its_own_stemmer():
    split = split_search_index(MERGED, ["en", "fr"], "en", excluded=set())
    assert split["fr"]["config"]["lang"] == ["fr"]
    assert split["fr"]["config"]["fields"] == MERGED["config"]["fields"]


def test_settings_replace_the_merged_search_settings_per_language():
    settings = {"bg": {"lang": ["ru"], "separator": "[\\s]+", "pipeline": []}}
    split = split_search_index(MERGED, ["en", "bg"], "en", excluded=set(), settings=settings)
    assert split["bg"]["config"] == {**MERGED["config"], "lang": ["ru"], "separator": "[\\s]+", "pipeline": []}
    assert split["en"]["config"]["lang"] == ["en"]
    assert MERGED["config"]["lang"] == ["en", "fr", "ru"]  # the merged index is left as it was
