"""The citations Markdown extension on its own: Python-Markdown, no MkDocs."""

from __future__ import annotations

import re

import markdown
import pytest

from citation_fixtures import write_bibliography
from wayout.bibliography.cache import BibliographyCache
from wayout.bibliography.topics import TopicLabels
from wayout.markdown_extensions.citations import CitationRenderer, CitationsExtension, cited_in_placeholder


@pytest.fixture
def renderer(tmp_path):
    formatter = BibliographyCache(write_bibliography(tmp_path / "bibliography")).formatter()
    labels = TopicLabels({"deradicalisation": {"en": "Deradicalisation", "fr": "Déradicalisation"}, "evaluation": {"en": "Evaluation"}})
    return CitationRenderer(formatter, "en", labels)


def convert(renderer: CitationRenderer, text: str, **page) -> str:
    renderer.start_page(page.pop("source", "docs/en/page.md"), **page)
    return markdown.Markdown(extensions=[CitationsExtension(renderer), "footnotes", "attr_list", "fenced_code"]).convert(text)


def test_parenthetical_and_narrative_citations_link_to_the_reference_list(renderer):
    html = convert(renderer, "Claim [@horgan2010rehabilitating, p. 270].\n\nAs @koehler2017understanding argues.\n")
    assert '(<a href="#ref-horgan2010rehabilitating">Horgan &amp; Braddock, 2010</a>, p. 270)' in html
    assert '<a href="#ref-koehler2017understanding">Koehler (2017)</a>' in html
    # The tooltip text comes from the reference list in the browser, not from each citation.
    assert "title=" not in html.split('id="references"')[0]
    assert renderer.cited_keys == ["horgan2010rehabilitating", "koehler2017understanding"]


def test_references_section_lists_each_cited_work_once_in_apa_order(renderer):
    html = convert(renderer, "[@koehler2017understanding] and [@horgan2010rehabilitating; @koehler2017understanding].\n")
    assert '<h2 id="references">References</h2>' in html
    ids = re.findall(r'<li id="(ref-[^"]+)"', html)
    assert ids == ["ref-horgan2010rehabilitating", "ref-koehler2017understanding"]
    assert "provenance" not in html


def test_page_downloads_are_offered_when_the_host_writes_them(renderer):
    html = convert(renderer, "[@koehler2017understanding]\n", page_downloads_stem="references")
    assert '<a href="references.bib" download>BibTeX</a>' in html
    assert '<a href="references.ris" download>RIS</a>' in html
    assert '<a href="references.json" download>CSL-JSON</a>' in html


def test_a_page_without_citations_gets_no_references_section(renderer):
    html = convert(renderer, "Nothing cited here.\n")
    assert "references" not in html and renderer.cited_keys == []


def test_code_urls_and_email_addresses_are_left_alone(renderer):
    text = (
        "Inline `[@koehler2017understanding]` code.\n\n"
        "```\n@horgan2010rehabilitating\n```\n\n"
        "Mail team@koehler2017understanding.org or see https://example.org/@horgan2010rehabilitating\n"
    )
    html = convert(renderer, text)
    assert "<code>[@koehler2017understanding]</code>" in html
    assert "@horgan2010rehabilitating\n</code>" in html
    assert "team@koehler2017understanding.org" in html
    assert 'class="citation"' not in html and renderer.cited_keys == []


def test_escaped_at_sign_is_a_literal(renderer):
    html = convert(renderer, r"Write to us \@koehler2017understanding, not `\@x`." + "\n")
    assert "Write to us @koehler2017understanding, not <code>\\@x</code>." in html
    assert 'class="citation"' not in html


def test_authors_footnotes_keep_working_beside_citations(renderer):
    html = convert(renderer, "A claim [@koehler2017understanding].[^note]\n\n[^note]: The author's own note.\n")
    assert 'href="#fn:note"' in html and 'id="fn:note"' in html
    assert html.index('id="references"') < html.index('class="footnote"')


def test_unknown_keys_are_reported_with_file_line_and_suggestions(renderer):
    html = convert(renderer, "Intro.\n\nClaim [@koehler2017understandin; @nobody1999nothing].\n", line_offset=4)
    assert [str(problem) for problem in renderer.problems] == [
        "docs/en/page.md:7: unknown citation key `koehler2017understandin` — did you mean `koehler2017understanding`?",
        "docs/en/page.md:7: unknown citation key `nobody1999nothing` — add the work to a file in bibliography/, or write `\\@` if this is not a citation",
    ]
    # Never "??": the citation stays as written, and the host stops the build.
    assert "[@koehler2017understandin; @nobody1999nothing]" in html


def test_terms_follow_the_page_language(renderer):
    renderer.language = renderer.build_language = "fr"
    html = convert(renderer, "[@horgan2010rehabilitating]\n")
    assert "Horgan et Braddock, 2010" in html
    assert '<h2 id="references">Références</h2>' in html
    english = convert(renderer, "[@horgan2010rehabilitating]\n", language="en")
    assert "Horgan &amp; Braddock, 2010" in english and "References</h2>" in english


def test_bibliography_marker_lists_every_entry_by_topic_with_cited_in_placeholders(renderer):
    html = convert(renderer, "# Bibliography\n\n<!-- bibliography -->\n", site_root="../")
    assert renderer.has_bibliography
    groups = re.findall(r'<section data-bib-group aria-labelledby="topic-([^"]+)">', html)
    assert groups == ["deradicalisation", "evaluation"]
    for key in ("horgan2010rehabilitating", "koehler2017understanding", "johnson2015introducing"):
        assert f'<li id="ref-{key}" data-bib-entry' in html
        assert cited_in_placeholder(key) in html
    assert 'data-type="article"' in html and 'data-topic="evaluation"' in html
    assert '<a href="../downloads/wayout-bibliography.bib" download>' in html
    assert '<form class="wayout-bib-filter" data-bib-filter aria-controls="wayout-bibliography"' in html


def test_cited_in_line_links_back_in_the_page_language(renderer):
    line = renderer.cited_in_html([("../research/", "Recherche")], "fr")
    assert line == '<span class="wayout-cited-in">Cité dans : <a href="../research/">Recherche</a></span>'
    assert renderer.cited_in_html([], "fr") == ""


def test_standalone_use_without_mkdocs(tmp_path):
    folder = write_bibliography(tmp_path / "bib")
    html = markdown.markdown(
        "[@johnson2015introducing]\n",
        extensions=["wayout.markdown_extensions.citations"],
        extension_configs={"wayout.markdown_extensions.citations": {"bibliography_dir": str(folder), "language": "en"}},
    )
    assert "Johnson et al., 2015" in html and 'id="references"' in html
