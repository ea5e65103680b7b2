"""Reviews, factsheets, training modules and diagrams in a strict two-language fixture build."""

from __future__ import annotations

import pytest

from conftest import run_mkdocs_build
from fixture_site import make_site
from framework_fixtures import UNEVALUATED
from test_editorial import FACTSHEET, MODULE

PLUGINS = ("wayout-site", "wayout-content")
DIAGRAM = (
    "```diagram\nkind: flow\ntitle: Release\ndescription: Two steps.\nsteps:\n  - Plan in prison\n  - Support after release\n```\n"
)
PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\n" + DIAGRAM,
    "fr/index.md": "---\ntype: page\ntitle: Accueil\n---\n# Accueil\n\n" + DIAGRAM.replace("Release", "Sortie"),
    "en/module.md": MODULE.replace("duration_minutes: 120", "duration_minutes: 150"),
    "en/factsheet.md": FACTSHEET + "Short text.\n",
    "en/glossary/index.md": "---\ntype: page\ntitle: Glossary\n---\n# Glossary\n\n<!-- glossary -->\n",
    "en/glossary/terms.yml": (
        "- term: Desistance\n  definition: \"Stopping offending and staying stopped.\"\n  forms: [desisting]\n"
        "- term: Case conference\n  definition: \"A meeting of agencies about one person.\"\n"
    ),
    "en/desistance.md": (
        "---\ntype: page\ntitle: Desistance matters\n---\n# Desistance matters\n\n"
        "People keep desisting over years.\nDesistance is slow.\n\nA case conference helps; `case conference` in code does not.\n"
    ),
    "en/programmes/fixture.md": UNEVALUATED.replace("original: Unevaluated fixture", "original: Desistance Fixture Scheme"),
    "en/scheme.md": (
        "---\ntype: page\ntitle: The scheme\n---\n# The scheme\n\n"
        "The Desistance Fixture Scheme works in prisons.\nDesistance takes time.\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("content")
    result = run_mkdocs_build(make_site(root / "src", PAGES, PLUGINS), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_a_module_shows_its_duration_audience_prerequisites_and_objectives_after_its_title(site):
    html = (site / "module" / "index.html").read_text()
    header = html[html.index("</h1>"): html.index('id="content"')]
    assert "<dt>Duration</dt><dd>2 h 30 min</dd>" in header
    assert "<dt>For</dt><dd>Prison staff</dd>" in header and "<dd>None</dd>" in header
    assert "<li>Participants can explain one thing.</li>" in header


def test_a_factsheet_shows_its_key_messages_in_a_labelled_box(site):
    html = (site / "factsheet" / "index.html").read_text()
    assert '<section class="wayout-key-messages" aria-labelledby="wayout-key-messages">' in html
    assert html.index("<li>One.</li>") < html.index("Short text.")


def test_an_untranslated_module_in_the_french_build_keeps_its_english_header(site):
    html = (site / "fr" / "module" / "index.html").read_text()
    assert "<dt>Duration</dt>" in html


def test_a_diagram_is_drawn_at_build_time_with_its_text_version_in_the_page_language(site):
    english = (site / "index.html").read_text()
    french = (site / "fr" / "index.html").read_text()
    assert '<svg class="wayout-diagram__svg"' in english and "<title" in english
    assert '<summary data-wayout-ui="diagram.text_version">Text version</summary>' in english
    assert '<summary data-wayout-ui="diagram.text_version">Version texte</summary>' in french


def test_a_broken_diagram_stops_the_build_naming_file_and_line(tmp_path):
    pages = {**PAGES, "en/index.md": PAGES["en/index.md"].replace("kind: flow", "kind: tree")}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/en/index.md:8: `kind` is 'tree' — use `kind: flow` or `kind: hub`" in output


def test_the_glossary_page_lists_every_term_with_an_anchor(site):
    html = (site / "glossary" / "index.html").read_text()
    assert '<dt id="term-case-conference">Case conference</dt>' in html
    assert html.index('id="term-case-conference"') < html.index('id="term-desistance"')
    assert 'class="wayout-term"' not in html


def test_the_first_occurrence_of_each_term_links_to_its_definition_with_a_tooltip(site):
    html = (site / "desistance" / "index.html").read_text()
    article = html[html.index("</h1>"):]
    assert article.count('class="wayout-term"') == 2
    assert '<a class="wayout-term" href="../glossary/#term-desistance" title="Stopping offending and staying stopped.">desisting</a>' in article
    assert '<a class="wayout-term" href="../glossary/#term-case-conference" title="A meeting of agencies about one person.">case conference</a>' in article
    assert "<code>case conference</code>" in article
    assert 'class="wayout-term"' not in html[: html.index("</h1>")], "headings are not linked"


@pytest.mark.parametrize("page", ["scheme", "fr/scheme"])
def test_no_term_is_linked_inside_a_programmes_name(site, page):
    article = (site / page / "index.html").read_text()
    article = article[article.index("</h1>"):]
    assert "The Desistance Fixture Scheme works" in article
    assert article.count('class="wayout-term"') == 1
    assert '<a class="wayout-term" href="../glossary/#term-desistance" title="Stopping offending and staying stopped.">Desistance</a> takes time' in article


def test_an_untranslated_page_in_the_french_build_links_to_the_french_builds_glossary(site):
    assert (site / "fr" / "glossary" / "index.html").is_file()
    article = (site / "fr" / "desistance" / "index.html").read_text()
    assert '<a class="wayout-term" href="../glossary/#term-desistance" title="Stopping offending and staying stopped.">desisting</a>' in article


def test_glossary_terms_without_a_glossary_page_stop_the_build(tmp_path):
    pages = {path: text for path, text in PAGES.items() if path != "en/glossary/index.md"}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert ("en/index.md: the glossary terms link to en/glossary/index.md, which this build does not have — "
            "add that page with the line <!-- glossary -->, or remove the glossary's terms.yml") in output


def test_a_broken_glossary_stops_the_build_with_every_problem(tmp_path):
    terms = "- term: Desistance\n- term: Case conference\n  definition: \"A meeting.\"\n  colour: red\n"
    pages = {**PAGES, "en/glossary/terms.yml": terms}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/en/glossary/terms.yml:1: the term “Desistance” has no definition — add `definition:` with one plain sentence" in output
    assert "docs/en/glossary/terms.yml:2: unknown glossary field `colour` — use only: definition, en, en_hash, forms, source, term" in output
