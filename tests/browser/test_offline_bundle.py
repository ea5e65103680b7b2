"""The offline bundle (make offline) opened from file:// in Chromium: pages, links, search in two
languages, downloads, and not one request that is not a file of the bundle."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser.support import search
from wayout.offline import BUNDLE_FOLDER, make_bundle


@pytest.fixture(scope="module")
def bundle(built_site, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    report = make_bundle(built_site, folder / "wayout-offline.zip")
    assert report.pages > 400  # every page of every language, not a stub
    with zipfile.ZipFile(folder / "wayout-offline.zip") as archive:
        archive.extractall(folder)
    return folder / BUNDLE_FOLDER


@pytest.fixture
def file_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def on_disk(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


@pytest.mark.parametrize(("start", "words", "language"), [
    ("index.html", "mentoring", "en"),
    ("fr/index.html", "mentorat", "fr"),
])  # fmt: skip
def test_search_works_from_the_file_system_in_the_readers_language(file_page, bundle, start, words, language):
    file_page.goto((bundle / start).as_uri())
    assert file_page.get_attribute("html", "lang") == language
    results = search(file_page, words)
    assert results, f"no result for {words!r}"
    for result in results:
        assert result.startswith(bundle.as_uri() + "/"), result
        path = on_disk(result)
        assert path.name == "index.html" and path.is_file(), result
        inside = path.relative_to(bundle).parts
        assert (inside[0] == "fr") == (language == "fr"), f"{result} is not a {language} page"
    file_page.goto(results[0])
    assert file_page.locator("article h1").first.is_visible()
    assert [url for url in file_page.requests if not url.startswith("file://")] == []


@pytest.mark.parametrize("start", ["index.html", "de/index.html", "nl/what-works/mentoring/index.html", "pt/bibliography/index.html",
                                   "fr/awareness/factsheets/myths-and-facts/index.html", "de/awareness/kit/police/index.html"])
def test_every_link_in_a_page_opens_a_file_of_the_bundle(file_page, bundle, start):
    file_page.goto((bundle / start).as_uri())
    links = file_page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    local = [link for link in links if link.startswith("file://")]
    assert len(local) > 20
    missing = sorted({link for link in local if not on_disk(link).is_file()})
    assert missing == []
    assert [url for url in file_page.requests if not url.startswith("file://")] == []


def test_downloads_and_open_data_are_in_the_bundle(bundle):
    assert (bundle / "data" / "programmes.json").is_file()
    # Every factsheet as a PDF in every language, as its page links it (the link test above follows one).
    for language in ("", "fr/", "de/", "nl/", "pt/"):
        for factsheet in (bundle / "awareness" / "factsheets").iterdir():
            if factsheet.is_dir():
                assert list((bundle / f"{language}awareness" / "factsheets" / factsheet.name).glob("*.pdf")), factsheet.name
    for suffix in ("bib", "ris", "json"):
        assert (bundle / "downloads" / f"wayout-bibliography.{suffix}").stat().st_size > 10_000
        assert (bundle / "fr" / "what-works" / "mentoring" / f"references.{suffix}").is_file()
    for language in ("", "fr/"):
        bibliography = (bundle / f"{language}bibliography" / "index.html").read_text("utf-8")
        assert "downloads/wayout-bibliography.bib\" download" in bibliography
