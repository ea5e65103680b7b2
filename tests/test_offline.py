"""The offline bundle's rewriting: links name files, the policy allows the worker shim, search
results point at files."""

from __future__ import annotations

import json
import zipfile

import pytest

from wayout.offline import BUNDLE_FOLDER, WORKER_SHIM, file_url, make_bundle, offline_page, offline_policy, offline_search_index


@pytest.mark.parametrize(("url", "depth", "expected"), [
    ("about/", 0, "about/index.html"),
    ("../what-works/mentoring/#evidence", 1, "../what-works/mentoring/index.html#evidence"),
    ("./", 2, "index.html"),
    ("..", 1, "../index.html"),
    ("/fr/", 2, "../../fr/index.html"),
    ("/", 0, "index.html"),
    ("../assets/stylesheets/wayout.css", 1, "../assets/stylesheets/wayout.css"),
    ("references.bib", 1, "references.bib"),
    ("#ref-horgan2009walking", 1, "#ref-horgan2009walking"),
    ("?q=exit", 0, "?q=exit"),
    ("https://doi.org/10.1080/09546553.2014.897617", 1, "https://doi.org/10.1080/09546553.2014.897617"),
    ("mailto:someone@example.org", 0, "mailto:someone@example.org"),
    ("data:image/png;base64,AAAA", 0, "data:image/png;base64,AAAA"),
])  # fmt: skip
def test_a_link_names_the_file_a_browser_opens_from_disk(url, depth, expected):
    assert file_url(url, depth) == expected


def test_the_policy_allows_the_shim_and_still_nothing_from_elsewhere():
    policy = ("default-src 'self'; script-src 'self' 'sha256-abc='; img-src 'self' data:; connect-src 'self'; "
              "frame-src 'none'; object-src 'none'")
    assert offline_policy(policy) == ("default-src 'self'; script-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                      "connect-src 'self'; frame-src 'self'; object-src 'none'")


def test_a_page_gets_file_links_and_the_worker_shim_before_its_scripts():
    html = ('<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'; frame-src \'none\'">'
            '<link href="../assets/x.css"></head><body><a href="../about/">About</a><a href="/fr/">FR</a>'
            '<script src="../assets/bundle.js"></script></body></html>')
    page = offline_page(html, 1)
    assert '<a href="../about/index.html">' in page and '<a href="../fr/index.html">' in page
    assert f'<script src="../{WORKER_SHIM}"></script>\n</head>' in page
    assert "script-src 'self' 'unsafe-inline'; frame-src 'self'" in page


def test_search_results_point_at_files():
    index = {"config": {"lang": ["fr"]}, "docs": [
        {"location": "", "title": "Accueil", "text": ""},
        {"location": "#debut", "title": "Début", "text": ""},
        {"location": "about/", "title": "À propos", "text": ""},
        {"location": "about/#projet", "title": "Projet", "text": ""},
    ]}
    rewritten = json.loads(offline_search_index(json.dumps(index)))
    assert [doc["location"] for doc in rewritten["docs"]] == ["index.html", "index.html#debut", "about/index.html", "about/index.html#projet"]
    assert rewritten["config"] == {"lang": ["fr"]}


def test_the_bundle_holds_every_file_and_each_index_as_a_script(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "fr" / "search").mkdir(parents=True)
    (site / WORKER_SHIM).parent.mkdir(parents=True)
    (site / WORKER_SHIM).write_text("/* shim */")
    (site / "index.html").write_text('<html><head></head><body><a href="about/">A</a></body></html>')
    (site / "search" / "search_index.json").write_text('{"docs": [{"location": "about/", "title": "A", "text": ""}]}')
    (site / "fr" / "search" / "search_index.json").write_text('{"docs": []}')
    report = make_bundle(site, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as bundle:
        names = set(bundle.namelist())
        assert f"{BUNDLE_FOLDER}/search/search_index.js" in names and f"{BUNDLE_FOLDER}/fr/search/search_index.js" in names
        assert bundle.read(f"{BUNDLE_FOLDER}/search/search_index.js").decode().startswith('var __index = {"docs":[{"location":"about/index.html"')
        assert '<a href="about/index.html">' in bundle.read(f"{BUNDLE_FOLDER}/index.html").decode()
    assert report.pages == 1 and report.files == 6 and set(report.search_indexes) == {"", "fr"}


def test_a_folder_without_a_built_site_is_refused_with_a_reason(tmp_path):
    with pytest.raises(FileNotFoundError, match="no built site"):
        make_bundle(tmp_path, tmp_path / "out.zip")
