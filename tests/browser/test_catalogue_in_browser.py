"""The programme catalogue in Chromium: filters, sorting, comparison, and the address that shares them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.support import AXE_TAGS, recorded_page
from citation_fixtures import write_bibliography
from conftest import StaticServer, run_mkdocs_build
from fixture_site import make_site
from framework_fixtures import PROGRAMME, UNEVALUATED

THIRD = UNEVALUATED.replace("Unevaluated fixture", "Another fixture").replace("country: DE", "country: FR").replace(
    "settings: [community]", "settings: [prison, probation]"
)
PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n",
    "en/framework/index.md": "---\ntype: page\ntitle: Framework\n---\n# Framework\n",
    "en/programmes/index.md": "---\ntype: page\ntitle: Programmes\nhide: [toc]\n---\n# Programmes\n\n<!-- programme-catalogue -->\n",
    "en/programmes/fixture.md": PROGRAMME,
    "en/programmes/unevaluated.md": UNEVALUATED,
    "en/programmes/another.md": THIRD,
}


@pytest.fixture(scope="module")
def catalogue_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("catalogue")
    write_bibliography(root / "src" / "bibliography")
    config = make_site(root / "src", PAGES, ("wayout-site", "wayout-citations", "wayout-framework"))
    result = run_mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(root / "site") as server:
        yield server


@pytest.fixture
def catalogue_page(chromium, catalogue_server):
    with recorded_page(chromium, catalogue_server.origin) as page:
        yield page


def open_catalogue(page, query: str = "") -> None:
    assert page.goto(f"{page.origin}/programmes/{query}").status == 200
    page.wait_for_load_state("networkidle")


def visible_ids(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('[data-catalogue-table] tbody tr')].filter(r => !r.hidden).map(r => r.dataset.id)")


def test_filters_narrow_the_table_and_go_into_the_address(catalogue_page):
    open_catalogue(catalogue_page)
    assert visible_ids(catalogue_page) == ["another", "fixture", "unevaluated"]
    catalogue_page.select_option("#wayout-programme-setting", "prison")
    assert visible_ids(catalogue_page) == ["another", "fixture"]
    catalogue_page.select_option("#wayout-programme-rating", "promising")
    assert visible_ids(catalogue_page) == ["fixture"]
    assert parse_qs(urlsplit(catalogue_page.url).query) == {"setting": ["prison"], "rating": ["promising"]}
    assert catalogue_page.inner_text("[data-catalogue-filter] [role=status]") == "1 of 3 shown"


def test_a_shared_address_opens_the_same_view(catalogue_page):
    open_catalogue(catalogue_page, "?country=FR")
    assert visible_ids(catalogue_page) == ["another"]
    assert catalogue_page.input_value("#wayout-programme-country") == "FR"


def test_sorting_by_rating_with_the_keyboard(catalogue_page):
    open_catalogue(catalogue_page)
    button = catalogue_page.locator("th[data-sort=rating] button")
    button.focus()
    catalogue_page.keyboard.press("Enter")
    assert visible_ids(catalogue_page)[0] == "fixture", "promising sorts before not yet evaluated"
    assert catalogue_page.get_attribute("th[data-sort=rating]", "aria-sort") == "ascending"
    catalogue_page.keyboard.press("Enter")
    assert visible_ids(catalogue_page)[-1] == "fixture"
    assert catalogue_page.get_attribute("th[data-sort=rating]", "aria-sort") == "descending"
    assert parse_qs(urlsplit(catalogue_page.url).query) == {"sort": ["rating"], "dir": ["descending"]}


def test_comparing_two_programmes_side_by_side(catalogue_page):
    open_catalogue(catalogue_page)
    compare = catalogue_page.locator("[data-compare-button]")
    assert compare.is_disabled()
    catalogue_page.check("input[data-compare][value=fixture]")
    assert compare.is_disabled(), "one programme is no comparison"
    catalogue_page.check("input[data-compare][value=unevaluated]")
    compare.click()
    region = catalogue_page.locator("[data-compare-region]")
    assert region.is_visible()
    assert catalogue_page.evaluate("document.activeElement.tagName") == "H2"
    headers = region.locator("thead th").all_inner_texts()
    assert headers == ["Fixture programme", "Unevaluated fixture"]
    rows = {row.locator("th").inner_text(): row.locator("td").all_inner_texts() for row in region.locator("tbody tr").all()}
    assert rows["Country"] == ["Norway", "Germany"]
    assert rows["Rating"] == ["◑ Promising", "– Not yet evaluated"]
    assert parse_qs(urlsplit(catalogue_page.url).query) == {"compare": ["fixture,unevaluated"]}
    open_catalogue(catalogue_page, "?compare=fixture,unevaluated")
    assert catalogue_page.locator("[data-compare-region]").is_visible()


def test_no_more_than_four_can_be_compared(catalogue_page):
    open_catalogue(catalogue_page)
    for identifier in ("fixture", "unevaluated", "another"):
        catalogue_page.check(f"input[data-compare][value={identifier}]")
    assert catalogue_page.locator("input[data-compare]:checked").count() == 3
    assert catalogue_page.locator("[data-compare-button]").is_enabled()


def test_catalogue_is_accessible_and_private(catalogue_page):
    open_catalogue(catalogue_page, "?compare=fixture,another")
    results = Axe().run(catalogue_page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert [violation["id"] for violation in results.response["violations"]] == []
    assert catalogue_page.request_log.problems() == []
    assert catalogue_page.evaluate("window.__cspViolations") == []
