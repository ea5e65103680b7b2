"""The built site in Debian's Chromium: accessibility, privacy, languages."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.support import AXE_TAGS, search
from site_pages import all_page_paths, languages

AXE = Axe()
SITE_NAMES = {
    language["locale"]: language.get("site_name", "WayOut knowledge base") for language in languages()
}
PAGES = all_page_paths() + [
    (language["locale"], f"{'' if language.get('default') else language['locale'] + '/'}404.html")
    for language in languages()
]


def open_page(page, origin: str, path: str) -> None:
    response = page.goto(f"{origin}/{path}")
    assert response is not None and response.status == 200, f"/{path} answered {response and response.status}"
    page.wait_for_load_state("networkidle")


def axe_violations(page) -> list[str]:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("locale,path", PAGES)
def test_page_is_accessible_private_and_complete(browser_page, site_server, locale, path):
    open_page(browser_page, site_server.origin, path)
    assert browser_page.get_attribute("html", "lang") == locale
    assert SITE_NAMES[locale] in browser_page.title()
    assert axe_violations(browser_page) == []
    assert browser_page.request_log.problems() == []
    assert browser_page.evaluate("window.__cspViolations") == []
    # Wide tables scroll inside the content column; the page itself never scrolls sideways.
    assert browser_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The page did load its own assets: the log is live, not empty by accident.
    assert any(url.endswith(".css") for url in browser_page.request_log.requests)


@pytest.mark.parametrize("target", [l for l in languages() if not l.get("default")], ids=lambda l: l["locale"])
def test_language_switcher_keeps_the_reader_on_the_same_page(browser_page, site_server, target):
    open_page(browser_page, site_server.origin, "about/")
    browser_page.hover(".md-header__option .md-select")
    browser_page.click(f'.md-select__link[hreflang="{target["locale"]}"]')
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.url == f"{site_server.origin}/{target['locale']}/about/"
    assert browser_page.get_attribute("html", "lang") == target["locale"]
    assert browser_page.request_log.problems() == []


def test_language_switcher_works_from_the_keyboard(browser_page, site_server):
    open_page(browser_page, site_server.origin, "fr/training/")
    browser_page.focus(".md-header__option .md-select button")
    focused_language = None
    for _ in range(len(languages())):
        browser_page.keyboard.press("Tab")
        focused_language = browser_page.evaluate("document.activeElement.getAttribute('hreflang')")
        if focused_language == "de":
            break
    assert focused_language == "de", "Tab from the language button never reached the German link"
    assert browser_page.locator('.md-select__link[hreflang="de"]').is_visible()
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url == f"{site_server.origin}/de/training/"
    assert browser_page.get_attribute("html", "lang") == "de"


def test_search_finds_a_page(browser_page, site_server):
    open_page(browser_page, site_server.origin, "")
    results = search(browser_page, "probation")
    assert results, "no result for 'probation'"
    assert browser_page.request_log.problems() == []
