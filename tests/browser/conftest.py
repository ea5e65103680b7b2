from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from browser.support import CHROMIUM_ARGS, chromium_executable, recorded_page


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    executable = chromium_executable()
    if executable is None:
        # Never a skip: a browser suite that quietly does not run is a suite that passes for nothing.
        pytest.fail("Chromium not found: run `make test` (installs Debian's chromium) or set WAYOUT_CHROMIUM")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, site_server):
    with recorded_page(chromium, site_server.origin) as page:
        yield page
