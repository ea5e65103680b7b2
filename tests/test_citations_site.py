"""The citations plugin in a strict two-language build of a small fixture site."""

from __future__ import annotations

import json

import pytest

from citation_fixtures import write_bibliography
from conftest import run_mkdocs_build
from fixture_site import make_site

PLUGINS = ("wayout-site", "wayout-citations")
PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\nSee the [bibliography](bibliography/index.md).\n",
    "en/research.md": (
        "---\ntype: page\ntitle: Research\n---\n# Research\n\n"
        "Evaluating exit work is hard [@horgan2010rehabilitating, pp. 270-271].\n"
        "@koehler2017understanding describes many programmes.\n"
    ),
    "fr/research.md": (
        "---\ntype: page\ntitle: Recherche\n---\n# Recherche\n\n"
        "Évaluer ce travail est difficile [@horgan2010rehabilitating].\n"
    ),
    "en/method.md": "---\ntype: page\ntitle: Method\n---\n# Method\n\nWe use EMMIE [@johnson2015introducing].\n",
    "en/bibliography/index.md": "---\ntype: page\ntitle: Bibliography\n---\n# Bibliography\n\n<!-- bibliography -->\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("citations")
    write_bibliography(root / "src" / "bibliography")
    config = make_site(root / "src", PAGES, PLUGINS)
    result = run_mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def read(site, path):
    return (site / path).read_text("utf-8")


def test_english_page_cites_in_english_with_a_reference_list(site):
    html = read(site, "research/index.html")
    assert "Horgan &amp; Braddock, 2010</a>, pp. 270–271)" in html
    assert ">Koehler (2017)</a>" in html
    assert '<h2 id="references">References' in html


def test_citations_reach_the_page_but_not_the_search_index(site):
    """Citation and reference-list HTML is put in after Material's search has indexed the page:
    the index keeps the prose, not the citation markup."""
    html = read(site, "research/index.html")
    assert "wayout-deferred" not in html
    assert html.count('<span class="citation"') == 2 and 'id="ref-horgan2010rehabilitating"' in html
    index = json.loads(read(site, "search/search_index.json"))
    research = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("research/"))
    assert "Evaluating exit work is hard" in research
    assert "Braddock" not in research and "Rehabilitating" not in research


def test_translated_page_cites_with_its_language_terms(site):
    html = read(site, "fr/research/index.html")
    assert "Horgan et Braddock, 2010</a>)" in html
    assert '<h2 id="references">Références' in html


def test_untranslated_page_keeps_english_terms_in_every_language(site):
    html = read(site, "fr/method/index.html")
    assert "wayout-fallback" in html
    assert "Johnson et al., 2015" in html and '<h2 id="references">References' in html


def test_each_citing_page_offers_its_references_for_download(site):
    bibtex = read(site, "research/references.bib")
    assert "@article{horgan2010rehabilitating," in bibtex and "@book{koehler2017understanding," in bibtex
    assert "verified" not in bibtex and "johnson2015introducing" not in bibtex
    items = json.loads(read(site, "research/references.json"))
    assert sorted(item["id"] for item in items) == ["horgan2010rehabilitating", "koehler2017understanding"]
    assert read(site, "research/references.ris").count("ER  -") == 2
    assert not (site / "index.html").with_name("references.bib").exists()


def test_whole_bibliography_is_exported_once(site):
    assert read(site, "downloads/wayout-bibliography.bib").count("@") == 3
    assert len(json.loads(read(site, "downloads/wayout-bibliography.json"))) == 3
    assert read(site, "downloads/wayout-bibliography.ris").count("ER  -") == 3


def test_bibliography_page_links_each_entry_back_to_the_pages_citing_it(site):
    english = read(site, "bibliography/index.html")
    entry = english.split('id="ref-horgan2010rehabilitating"', 1)[1].split("</li>", 1)[0]
    assert 'Cited in: <a href="../research/">Research</a>' in entry
    french = read(site, "fr/bibliography/index.html")
    entry = french.split('id="ref-horgan2010rehabilitating"', 1)[1].split("</li>", 1)[0]
    assert '<a href="../research/">Recherche</a>' in entry
    entry = french.split('id="ref-johnson2015introducing"', 1)[1].split("</li>", 1)[0]
    assert '<a href="../method/">Method</a>' in entry
    assert "<!--wayout-cited-in" not in english + french


def test_unknown_keys_on_several_pages_stop_the_build_all_at_once(tmp_path):
    write_bibliography(tmp_path / "src" / "bibliography")
    pages = {
        **PAGES,
        "en/a.md": "---\ntype: page\ntitle: A\n---\n# A\n\nText [@horgan2010rehabilitatin].\n",
        "fr/b.md": "---\ntype: page\ntitle: B\n---\n# B\n\n\nVoir @nobody2020nothing.\n",
    }
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "docs/en/a.md:7: unknown citation key `horgan2010rehabilitatin` — did you mean `horgan2010rehabilitating`?" in output
    assert "docs/fr/b.md:8: unknown citation key `nobody2020nothing`" in output


def test_broken_bibtex_stops_the_build_naming_file_and_line(tmp_path):
    folder = write_bibliography(tmp_path / "src" / "bibliography")
    (folder / "evaluation.bib").write_text(
        (folder / "evaluation.bib").read_text() + "\n@book{koehler2017understanding,\n  title = {Duplicate},\n  publisher = {X},\n  year = {2017},\n  author = {Koehler, Daniel}\n}\n"
    )
    result = run_mkdocs_build(make_site(tmp_path / "src", PAGES, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "bibliography/evaluation.bib:12:" in output and "koehler2017understanding" in output
    assert "deradicalisation.bib:11" in output
