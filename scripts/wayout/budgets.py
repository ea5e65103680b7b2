"""First-load budgets: what a reader's browser downloads to show one page, by kind, measured on
the built site (uncompressed bytes, as they sit on an intranet server that may not compress).

A page loads its HTML, the stylesheets and scripts it links, its images, and the search index of
its language (Material fetches it when the page loads, so that search answers at once). Fonts
are the system's own (theme.font: false), so none are downloaded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

KIB = 1024

# The budget of each kind, per page. The heaviest pages on 27 November 2026: HTML 232 KiB (the
# French bibliography), CSS 154 KiB (Material's 146), JavaScript 178 KiB (Material's bundle and
# search worker), search index 895 KiB (French), images none. Each budget leaves room to grow,
# not so much that a regression would pass unnoticed (README: First-load budgets).
BUDGETS = {
    "html": 400 * KIB,
    "css": 176 * KIB,
    "javascript": 200 * KIB,
    "search index": 1536 * KIB,
    "images": 300 * KIB,
}

_STYLESHEET = re.compile(r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(?P<url>[^"]+)"', re.IGNORECASE)
_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="(?P<url>[^"]+)"', re.IGNORECASE)
_IMAGE = re.compile(r'<img\b[^>]*\bsrc="(?P<url>[^"]+)"', re.IGNORECASE)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.DOTALL)


@dataclass(frozen=True)
class PageWeight:
    page: str  # path inside the site, e.g. "fr/what-works/mentoring/index.html"
    weights: dict[str, int]  # kind: bytes
    missing: tuple[str, ...] = ()  # linked files that are not in the site


def _local_file(site_dir: Path, page: PurePosixPath, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        return None  # another origin (the site has none: the privacy tests fail on it) or inline data
    path = parts.path
    target = PurePosixPath(path.lstrip("/")) if path.startswith("/") else page.parent / path
    return site_dir / target


def page_weight(site_dir: Path, page_file: Path) -> PageWeight:
    page = PurePosixPath(page_file.relative_to(site_dir).as_posix())
    html = page_file.read_text("utf-8")
    weights = {kind: 0 for kind in BUDGETS}
    weights["html"] = len(html.encode("utf-8"))
    missing = []
    linked = [("css", _STYLESHEET), ("javascript", _SCRIPT), ("images", _IMAGE)]
    urls = [(kind, match["url"]) for kind, pattern in linked for match in pattern.finditer(html)]
    config = _CONFIG.search(html)
    if config is not None:
        material = json.loads(config["json"])
        urls.append(("javascript", material["search"]))  # the search worker
        urls.append(("search index", material["base"].rstrip("/") + "/search/search_index.json"))
    for kind, url in dict.fromkeys(urls):
        file = _local_file(site_dir, page, url)
        if file is None:
            continue
        if file.is_file():
            weights[kind] += file.stat().st_size
        else:
            missing.append(url)
    return PageWeight(str(page), weights, tuple(missing))


def site_weights(site_dir: Path) -> list[PageWeight]:
    return [page_weight(site_dir, path) for path in sorted(site_dir.rglob("*.html"))]


def over_budget(weights: list[PageWeight]) -> list[str]:
    """One line per page and kind over its budget, and per linked file that does not exist."""
    lines = []
    for weight in weights:
        for kind, size in weight.weights.items():
            if size > BUDGETS[kind]:
                lines.append(f"{weight.page}: {kind} {size / KIB:.0f} KiB, over the budget of {BUDGETS[kind] / KIB:.0f} KiB")
        lines += [f"{weight.page}: links {url}, which is not in the site" for url in weight.missing]
    return lines


def largest(weights: list[PageWeight]) -> dict[str, tuple[int, str]]:
    """For each kind, the heaviest page: (bytes, page)."""
    return {kind: max((weight.weights[kind], weight.page) for weight in weights) for kind in BUDGETS}
