"""What a browser test watches on every page: requests leaving the origin, failures, CSP violations."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Flags that keep Chromium from calling home: this machine has no network beyond the package registries.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# Recorded before any page script runs, so every violation of the page's policy is caught.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`);
});
"""

LOCAL_SCHEMES = {"data", "blob", "about"}


def chromium_executable() -> str | None:
    return os.environ.get("WAYOUT_CHROMIUM") or shutil.which("chromium")


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class RequestLog:
    """Every request a page makes, and the ones that break the privacy or completeness rules."""

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> "RequestLog":
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)
        return self

    def _on_request(self, request) -> None:
        url = request.url
        if urlsplit(url).scheme in LOCAL_SCHEMES:
            return
        self.requests.append(url)
        if origin_of(url) != self.origin:
            self.foreign.append(url)

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"{response.status} {response.url}")

    def _on_failed(self, request) -> None:
        if urlsplit(request.url).scheme not in LOCAL_SCHEMES:
            self.errors.append(f"failed ({request.failure}) {request.url}")

    def problems(self) -> list[str]:
        return [f"request to another origin: {url}" for url in self.foreign] + self.errors


@contextmanager
def recorded_page(chromium, origin: str):
    """A page in a fresh browser context whose every request and CSP violation is recorded."""
    context = chromium.new_context()
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.request_log = RequestLog(origin).attach(page)
    page.origin = origin
    try:
        yield page
    finally:
        context.close()


def search(page, words: str) -> list[str]:
    """The result links of one search for `words`; none if no result comes within 15 s."""
    field = page.locator(".md-search__input")
    field.click()
    # The whole query at once, then one key: Material searches on keyup, and typed key by key each
    # shorter query runs too, so the results read could be those of a part of the words. (The
    # results line is no sign of the last query's results: it reads "Type to start searching"
    # before any.) Filling also enters characters no key produces, such as Greek and Cyrillic.
    field.fill(words)
    field.press("End")
    try:
        page.wait_for_selector(".md-search-result__item a", timeout=15_000)
    except PlaywrightTimeoutError:
        return []
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(link => link.href)")
