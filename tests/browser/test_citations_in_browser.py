"""Citations as a reader meets them: keyboard tooltips, reference links, cited-in back-links, filters."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit


def open_page(page, origin: str, path: str) -> None:
    response = page.goto(f"{origin}/{path}")
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")


def tab_to(page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_citation_tooltip_shows_the_reference_on_keyboard_focus(browser_page, site_server):
    open_page(browser_page, site_server.origin, "framework/")
    tab_to(browser_page, ".citation a")
    # Material mounts the tooltip a moment after focus, then points aria-describedby at it.
    browser_page.wait_for_function("document.activeElement.hasAttribute('aria-describedby')", timeout=5000)
    tooltip_id = browser_page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tooltip = browser_page.locator(f"#{tooltip_id}")
    tooltip.wait_for(state="visible")
    assert tooltip.get_attribute("role") == "tooltip"
    href = browser_page.evaluate("document.activeElement.getAttribute('href')")
    reference_text = browser_page.locator(href).inner_text()
    assert tooltip.inner_text().strip() == reference_text.strip()


def test_citation_link_leads_to_its_entry_in_the_reference_list(browser_page, site_server):
    open_page(browser_page, site_server.origin, "framework/")
    link = browser_page.locator('.citation a[href="#ref-johnson2015introducing"]').first
    link.click()
    assert urlsplit(browser_page.url).fragment == "ref-johnson2015introducing"
    entry = browser_page.locator("#ref-johnson2015introducing")
    assert entry.is_visible() and "Introducing EMMIE" in entry.inner_text()
    assert entry.evaluate("e => e.closest('ul').classList.contains('wayout-reference-list')")


def test_bibliography_entry_links_back_to_the_page_citing_it(browser_page, site_server):
    open_page(browser_page, site_server.origin, "fr/bibliography/")
    # Other pages cite the work too; this one follows the link to the framework page.
    back_link = browser_page.locator('#ref-farrington2002maryland .wayout-cited-in a[href="../framework/"]')
    assert back_link.count() == 1
    with browser_page.expect_navigation():
        back_link.click()
    assert browser_page.url == f"{site_server.origin}/fr/framework/"
    assert browser_page.locator('.citation a[href="#ref-farrington2002maryland"]').count() >= 1


def visible_entries(page) -> list[dict]:
    return page.evaluate(
        "[...document.querySelectorAll('[data-bib-entry]')].filter(e => !e.closest('[hidden]'))"
        ".map(e => ({topic: e.dataset.topic, type: e.dataset.type, text: e.innerText}))"
    )


def test_bibliography_filters_by_topic_type_and_words_and_keeps_them_in_the_address(browser_page, site_server):
    open_page(browser_page, site_server.origin, "bibliography/")
    total = browser_page.locator("[data-bib-entry]").count()
    assert total > 10 and len(visible_entries(browser_page)) == total
    browser_page.select_option("#wayout-bib-topic", "evaluation")
    shown = visible_entries(browser_page)
    assert shown and all(entry["topic"] == "evaluation" for entry in shown)
    assert len(shown) < total
    browser_page.select_option("#wayout-bib-type", "article")
    shown = visible_entries(browser_page)
    assert shown and all(entry["type"] == "article" and entry["topic"] == "evaluation" for entry in shown)
    status = browser_page.locator(".wayout-bib-filter [role=status]").inner_text()
    assert status == f"{len(shown)} of {total} entries shown"
    assert parse_qs(urlsplit(browser_page.url).query) == {"topic": ["evaluation"], "type": ["article"]}
    browser_page.click(".wayout-bib-filter button[type=reset]")
    browser_page.wait_for_function("document.querySelectorAll('[data-bib-entry]:not([hidden])').length > 10")
    assert len(visible_entries(browser_page)) == total
    assert urlsplit(browser_page.url).query == ""


def test_a_shared_filtered_address_opens_filtered(browser_page, site_server):
    open_page(browser_page, site_server.origin, "de/bibliography/?q=koehler")
    shown = visible_entries(browser_page)
    assert shown and all("koehler" in entry["text"].lower() for entry in shown)
    assert browser_page.input_value("#wayout-bib-words") == "koehler"
    assert browser_page.request_log.problems() == []
