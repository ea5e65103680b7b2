"""Per-language sitemaps.

Material's language selector fetches `sitemap.xml` under each alternate language's root to map the
current page onto its translation. mkdocs-static-i18n writes only the root sitemap, so those requests
fail with 404. Each language gets its own sitemap of its pages, with their alternates.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape, quoteattr

_ALTERNATE_LINK = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(?P<name>href|hreflang)="(?P<value>[^"]*)"', re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    location: str
    alternates: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (hreflang, href)


def render_sitemap(entries: list[SitemapEntry]) -> str:
    return _sitemap_document(_entry_xml(entry) for entry in sorted(entries, key=lambda entry: entry.location))


def _entry_xml(entry: SitemapEntry) -> str:
    lines = ["  <url>", f"    <loc>{escape(entry.location)}</loc>"]
    for hreflang, href in entry.alternates:
        lines.append(f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>")
    lines.append("  </url>")
    return "\n".join(lines)


def _sitemap_document(entries_xml: Iterable[str]) -> str:
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        *entries_xml,
        "</urlset>",
    ]) + "\n"


def alternates_in_page(html: str, page_location: str) -> tuple[tuple[str, str], ...]:
    """The (hreflang, href) pairs of a rendered page's language alternates, as absolute paths or URLs.

    Read from the page itself, so the sitemap says exactly what the language selector offers.
    """
    pairs = []
    head_end = html.find("</head>")
    for link in _ALTERNATE_LINK.findall(html, 0, head_end if head_end != -1 else len(html)):
        attributes = {match["name"].lower(): match["value"] for match in _ATTRIBUTE.finditer(link)}
        if "hreflang" in attributes and "href" in attributes:
            pairs.append((attributes["hreflang"], _resolve(page_location, attributes["href"])))
    return tuple(pairs)


def _resolve(page_location: str, href: str) -> str:
    """`_normalise(urljoin(page_location, href))`, which was most of the time of a page's alternates,
    worked out directly for the relative paths Material writes there. Only where the two cannot
    differ: a page path with no "." or ".." segment, and an href with no scheme, query, fragment or
    "//", that climbs no higher than the root, and whose last segment is not "." or ".." (urljoin
    would end those with a slash)."""
    last_segment = href[href.rfind("/") + 1:]
    folder = page_location[: page_location.rfind("/") + 1]
    if (
        page_location.startswith("/")
        and href.split("/").count("..") < folder.count("/")  # urljoin climbs above the root oddly
        and href
        and not href.startswith("/")
        and not any(character in href for character in ":?#\\")
        and last_segment not in (".", "..")
        and "//" not in page_location
        and "/." not in page_location
        and "//" not in href
    ):
        return _normalise(folder + href)
    return _normalise(urljoin(page_location, href))


def _normalise(location: str) -> str:
    trailing = "/" if location.endswith("/") else ""
    if "://" in location:
        return location
    return posixpath.normpath(location).rstrip("/") + trailing if location != "/" else "/"


def directory_sitemaps(entries: list[SitemapEntry], base_path: str) -> dict[str, str]:
    """A sitemap for every folder that holds a page, listing the pages at or below it.

    Material fetches `sitemap.xml` next to each language alternate of the current page, so
    `/fr/about/` leads it to `/fr/about/sitemap.xml`. The sitemap protocol allows a sitemap to list
    only addresses at or below its own folder, which is exactly what each of these does.
    Returns {folder relative to the site root ("" for the root): sitemap XML}.
    """
    # Sorted and written once: a page appears in the sitemap of every folder above it.
    entries = sorted(entries, key=lambda entry: entry.location)
    paths = [urlsplit(entry.location).path for entry in entries]
    by_folder: dict[str, list[str]] = {path[: path.rfind("/") + 1]: [] for path in paths}
    # Each page goes into the sitemap of every folder above it that holds a page: work that grows
    # with the pages times the depth of the tree, not with the pages times the folders.
    for entry, path in zip(entries, paths):
        xml = _entry_xml(entry)
        end = path.rfind("/")
        while end >= 0:
            listed = by_folder.get(path[: end + 1])
            if listed is not None:
                listed.append(xml)
            end = path.rfind("/", 0, end)
    base = base_path if base_path.endswith("/") else base_path + "/"
    return {
        folder[len(base):] if folder.startswith(base) else folder.lstrip("/"): _sitemap_document(listed)
        for folder, listed in by_folder.items()
    }
