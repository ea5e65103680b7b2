"""The real site, built strictly once per session: every page in every language, private and complete."""

from __future__ import annotations

import re

import pytest

from site_pages import all_page_paths, default_language, english_page_paths, language_prefix, languages

LANG = re.compile(r'<html lang="(?P<lang>[^"]+)"')
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]+)">')
EXTERNAL_REFERENCE = re.compile(r'<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)


def html_files(site):
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("locale,path", all_page_paths())
def test_every_page_is_built_in_every_language_with_its_lang(built_site, locale, path):
    html = (built_site / path / "index.html").read_text("utf-8")
    assert LANG.search(html)["lang"] == locale


def test_every_html_file_carries_a_same_origin_policy(built_site):
    files = html_files(built_site)
    assert len(files) >= len(all_page_paths())
    for file in files:
        match = CSP.search(file.read_text("utf-8"))
        assert match, f"{file.relative_to(built_site)} has no Content-Security-Policy"
        policy = match["policy"]
        assert policy.startswith("default-src 'self'; script-src 'self'")
        assert "http" not in policy and "*" not in policy and "unsafe-inline" not in policy


def test_no_page_references_another_origin(built_site):
    for file in html_files(built_site):
        html = file.read_text("utf-8")
        assert not EXTERNAL_REFERENCE.search(html), f"{file.relative_to(built_site)} loads from another origin"
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_root_404_is_in_the_default_language(built_site):
    assert LANG.search((built_site / "404.html").read_text("utf-8"))["lang"] == default_language()


@pytest.mark.parametrize("locale", [l["locale"] for l in languages() if not l.get("default")])
def test_each_language_has_its_own_404(built_site, locale):
    assert LANG.search((built_site / locale / "404.html").read_text("utf-8"))["lang"] == locale


def test_a_sitemap_sits_beside_every_language_alternate(built_site):
    """Material fetches sitemap.xml next to each alternate of the current page."""
    for language in languages():
        for path in english_page_paths():
            folder = built_site / (language_prefix(language["locale"]) + path)
            assert (folder / "sitemap.xml").is_file(), f"missing {folder.relative_to(built_site)}/sitemap.xml"


def test_search_dialog_has_an_accessible_name_in_each_language(built_site):
    assert 'role="dialog" aria-label="Rechercher"' in (built_site / "fr" / "index.html").read_text("utf-8")
    assert 'role="dialog" aria-label="Search"' in (built_site / "index.html").read_text("utf-8")
