import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

from hypothesis import given
from hypothesis import strategies as st

from wayout.sitemap import SitemapEntry, _normalise, _resolve, alternates_in_page, directory_sitemaps, render_sitemap

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def locations(xml: str) -> list[str]:
    return [loc.text for loc in ElementTree.fromstring(xml).findall("s:url/s:loc", NS)]


def test_alternates_are_read_from_the_page_and_made_absolute():
    html = (
        '<link rel="alternate" href="../../about/" hreflang="en">'
        '<link rel="alternate" href="./" hreflang="fr">'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    )
    assert alternates_in_page(html, "/fr/about/") == (("en", "/about/"), ("fr", "/fr/about/"))


def test_absolute_site_urls_stay_absolute():
    html = '<link rel="alternate" href="https://example.org/de/" hreflang="de">'
    assert alternates_in_page(html, "https://example.org/fr/") == (("de", "https://example.org/de/"),)


def test_rendered_sitemap_is_valid_xml_with_alternates():
    xml = render_sitemap([SitemapEntry("/fr/a&b/", (("en", "/a&b/"),))])
    root = ElementTree.fromstring(xml)
    assert locations(xml) == ["/fr/a&b/"]
    link = root.find("s:url/x:link", NS)
    assert link.get("hreflang") == "en" and link.get("href") == "/a&b/"


def test_each_folder_lists_only_the_pages_at_or_below_it():
    entries = [SitemapEntry(path) for path in ["/", "/about/", "/fr/", "/fr/about/", "/fr/about/team/"]]
    sitemaps = directory_sitemaps(entries, "/")
    assert set(sitemaps) == {"", "about/", "fr/", "fr/about/", "fr/about/team/"}
    assert locations(sitemaps["fr/"]) == ["/fr/", "/fr/about/", "/fr/about/team/"]
    assert locations(sitemaps["fr/about/"]) == ["/fr/about/", "/fr/about/team/"]
    assert locations(sitemaps["about/"]) == ["/about/"]


def test_folders_are_relative_to_the_site_base_path():
    entries = [SitemapEntry("https://example.org/kb/fr/about/")]
    assert list(directory_sitemaps(entries, "/kb/")) == ["fr/about/"]


segments = st.sampled_from(["..", ".", "", "fr", "about", "a b", "page.html", "%C3%A9", "x:y", "q?x=1", "#top"])
page_paths = st.lists(st.sampled_from(["fr", "about", "team", "page.html", ".."]), max_size=4).map(
    lambda parts: "/" + "/".join(parts) + ("/" if parts and not parts[-1].endswith(".html") else ""))


@given(page=st.one_of(page_paths, page_paths.map(lambda path: "https://example.org" + path)),
       href=st.lists(segments, min_size=0, max_size=6).map("/".join))
def test_alternates_resolve_as_urljoin_does(page, href):
    # The shortcut for Material's relative hrefs must give what the general way gives.
    assert _resolve(page, href) == _normalise(urljoin(page, href))
