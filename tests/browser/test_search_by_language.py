"""A search stays in the reader's language: from a page in each of the five languages, a word
every translation shares finds that language's page only, and stemming is that language's."""

from __future__ import annotations

import pytest

from browser.support import recorded_page, search
from conftest import StaticServer, run_mkdocs_build
from fixture_site import make_site

LANGUAGES = ("en", "fr", "de", "nl", "pt")
# One page per language; each mentions "Aarhus" (shared) and a word in an inflected form that
# only that language's stemmer matches to the word searched for.
PAGES = {
    "en": ("Prisons", "The Aarhus model works with prisons and families.", "prison"),
    "fr": ("Prisons", "Le modèle d'Aarhus travaille avec les prisons et les familles.", "prison"),
    "de": ("Gefängnisse", "Das Aarhus-Modell arbeitet mit Gefängnissen und Familien.", "Gefängnis"),
    "nl": ("Gevangenissen", "Het Aarhus-model werkt met gevangenissen en families.", "gevangenis"),
    "pt": ("Prisões", "O modelo de Aarhus trabalha com prisões e famílias.", "família"),
}


@pytest.fixture(scope="module")
def five_language_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-languages")
    pages = {}
    for language, (title, text, _) in PAGES.items():
        pages[f"{language}/index.md"] = f"---\ntype: page\ntitle: {title}\n---\n# {title}\n\n{text}\n"
    result = run_mkdocs_build(make_site(root / "src", pages, languages=LANGUAGES), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    sizes = [line for line in result.stderr.splitlines() if "Search indexes, one per language" in line]
    assert sizes and all(f"{language} " in sizes[0] for language in LANGUAGES)
    with StaticServer(root / "site") as server:
        yield server


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_returns_only_pages_in_the_readers_language(chromium, five_language_site, language):
    origin = five_language_site.origin
    prefix = "" if language == "en" else f"{language}/"
    with recorded_page(chromium, origin) as page:
        page.goto(f"{origin}/{prefix}")
        links = search(page, PAGES[language][2])
        assert links, f"no result for {PAGES[language][2]!r} in {language}"
        assert all(link.split("#")[0] == f"{origin}/{prefix}" for link in links), links
        assert page.request_log.problems() == []
        index_requests = [url for url in page.request_log.requests if url.endswith("search_index.json")]
        assert index_requests == [f"{origin}/{prefix}search/search_index.json"]
