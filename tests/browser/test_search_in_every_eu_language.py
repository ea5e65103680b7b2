"""A synthetic site in all 24 official EU languages (benchmarks/synthetic_site.py) builds with the
project's plugins and templates, and its search works in each language: from a language's home
page, the language's own name (a word only that language's pages hold) finds that language's
pages and no other's, with no failed request (a stemmer the theme does not ship would be one)."""

from __future__ import annotations

import pytest

from benchmarks.synthetic_site import EU_LANGUAGES, SiteSize, language_name, write_site
from browser.support import recorded_page, search
from conftest import StaticServer, run_mkdocs_build

SIZE = SiteSize(pages=2, references=20, profiles=1, languages=len(EU_LANGUAGES))


@pytest.fixture(scope="module")
def eu_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("eu-languages")
    result = run_mkdocs_build(write_site(root / "src", SIZE, "wayout"), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    with StaticServer(root / "site") as server:
        yield server


@pytest.mark.parametrize("language", SIZE.codes)
def test_search_finds_the_languages_own_pages(chromium, eu_site, language):
    origin = eu_site.origin
    prefix = "" if language == "en" else f"{language}/"
    with recorded_page(chromium, origin) as page:
        page.goto(f"{origin}/{prefix}")
        assert page.get_attribute("html", "lang") == language
        links = search(page, language_name(language))
        assert links, f"no result for {language_name(language)!r} in {language}"
        pages = {link.split("#")[0] for link in links}
        others = [f"{origin}/{code}/" for code in SIZE.codes if code not in ("en", language)]
        assert all(link.startswith(f"{origin}/{prefix}") for link in pages), pages
        assert not any(link.startswith(other) for link in pages for other in others), pages
        assert page.request_log.problems() == []
