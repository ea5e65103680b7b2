"""Printing a page in Chromium: the text and its sources, none of the screen's controls."""

from __future__ import annotations

import pytest


def printed(page, origin: str, path: str):
    response = page.goto(f"{origin}/{path}")
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    return page


def displayed(page, selector: str) -> bool:
    return page.evaluate(
        "s => { const e = document.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; }", selector)


def after_content(page, selector: str) -> str:
    return page.evaluate("s => getComputedStyle(document.querySelector(s), '::after').content", selector)


@pytest.mark.parametrize("path", ["what-works/mentoring/", "fr/what-works/mentoring/"])
def test_a_printed_page_keeps_text_and_references_and_drops_navigation(browser_page, site_server, path):
    page = printed(browser_page, site_server.origin, path)
    assert page.evaluate("matchMedia('print').matches")
    assert not displayed(page, ".md-header") and not displayed(page, ".md-sidebar--primary")
    assert not page.is_visible(".md-search__input")
    assert displayed(page, "article h1")
    assert displayed(page, ".wayout-reference-list")
    assert not displayed(page, ".wayout-downloads")
    # Paper cannot follow a link: an outside address is printed after its text. No page links
    # outside its reference list today, so the test adds one, as a contributor might.
    page.evaluate("""() => { const link = document.createElement('a'); link.id = 'outside';
        link.href = 'https://www.example.org/report'; link.textContent = 'a report';
        document.querySelector('article p').append(' ', link); }""")
    assert "https://www.example.org/report" in after_content(page, "#outside")
    # ...but a reference already shows its DOI or address, so it is not printed twice.
    reference_link = ".wayout-reference-list a[href^='http']"
    assert page.query_selector(reference_link) is not None
    assert after_content(page, reference_link) in ("none", "normal")


def test_the_catalogue_prints_its_table_without_its_filters(browser_page, site_server):
    page = printed(browser_page, site_server.origin, "programmes/")
    assert displayed(page, "[data-catalogue-table]")
    assert not displayed(page, "[data-catalogue-filter]")
    assert page.evaluate("getComputedStyle(document.querySelector('[data-catalogue-table] th.wayout-js-only')).display") == "none"
