"""Profiles and cards rendered from front matter in a strict two-language fixture build."""

from __future__ import annotations

import csv
import json
import re

import pytest

from citation_fixtures import write_bibliography
from conftest import run_mkdocs_build
from fixture_site import make_site
from framework_fixtures import CARD, PROGRAMME, UNEVALUATED

PLUGINS = ("wayout-site", "wayout-citations", "wayout-framework")
PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n",
    "en/framework/index.md": (
        "---\ntype: page\ntitle: Framework\n---\n# Framework\n\n## Levels\n\n<!-- framework-table: design-levels -->\n\n"
        "## Ratings\n\n<!-- framework-table: ratings -->\n\n<!-- framework-table: strength -->\n\n"
        "<!-- framework-table: emmie -->\n\n<!-- framework-table: practice -->\n"
    ),
    "en/programmes/index.md": "---\ntype: page\ntitle: Programmes\n---\n# Programmes\n\n<!-- programme-catalogue -->\n\n<!-- open-data -->\n",
    "en/what-works/index.md": "---\ntype: page\ntitle: What works\n---\n# What works\n\n<!-- evidence-catalogue -->\n",
    "en/programmes/fixture.md": PROGRAMME,
    "en/programmes/unevaluated.md": UNEVALUATED,
    "en/what-works/mentoring.md": CARD,
    "en/integrated.md": (
        "---\ntype: page\ntitle: Integrated\n---\n# Integrated\n\n"
        "| Component | Rating |\n|---|---|\n| Mentoring | <!-- evidence-rating: mentoring --> |\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("framework")
    write_bibliography(root / "src" / "bibliography")
    result = run_mkdocs_build(make_site(root / "src", PAGES, PLUGINS), root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start: html.index("</section>", start)]


def test_profile_sits_after_the_title_with_a_headline_badge(site):
    html = (site / "programmes" / "fixture" / "index.html").read_text()
    assert html.index("<h1") < html.index('class="wayout-profile"') < html.index("The programme is described")
    assert ('<strong>Overall rating:</strong>\n    <span class="wayout-badge wayout-badge--promising">'
            '<span class="wayout-badge__symbol" aria-hidden="true">◑</span> Promising</span>') in html


def test_key_facts_use_vocabulary_labels(site):
    facts = section((site / "programmes" / "fixture" / "index.html").read_text(), "wayout-key-facts")
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", facts)
    assert ("Country", "Norway") in pairs
    assert ("Settings", "Prison, Through the gate (release)") in pairs
    assert ("Run by", "State and civil society together") in pairs
    assert ("Years", "2015–") in pairs


def test_french_build_shows_french_labels_for_an_english_page(site):
    html = (site / "fr" / "programmes" / "fixture" / "index.html").read_text()
    # The page is untranslated, so its profile stays English like its text.
    assert 'class="wayout-profile" lang="en"' in html and "Overall rating" in html


def test_rating_table_and_trace(site):
    ratings = section((site / "programmes" / "fixture" / "index.html").read_text(), "wayout-ratings")
    assert '<th scope="row">Any reoffending</th>' in ratings
    # Level 4 starts at 3 points; the only study (2010, from its source key) is over 10 years old.
    assert "■■□□□" in ratings and "2 of 5" in ratings
    assert "starting score 3, from the highest design level (4); the newest study is more than 10 years old: -1." in ratings
    assert "<li>Promising, because: one study at level 4 or above, or two at level 3, with a significant favourable result.</li>" in ratings
    assert "<li>Not “Effective”, which requires: two studies at level 4 or above" in ratings
    assert "Implementation" not in re.sub(r"<details.*", "", ratings, flags=re.S), "implementation is not rated"


def test_the_rating_traces_stay_out_of_search(site):
    """Each trace names every rating it rules out (\"Not “Effective”, which requires…\"): indexed,
    a search for a rating would find every rated page whatever its rating."""
    index = json.loads((site / "search" / "search_index.json").read_text())
    profile = [doc for doc in index["docs"] if doc["location"].startswith("programmes/fixture/")]
    assert profile, "the profile is in the index"
    assert [doc["location"] for doc in profile if "how-rated" in doc["location"]] == []
    assert not [doc["location"] for doc in profile if "Effective" in doc["text"]]
    assert any("Promising" in doc["text"] for doc in profile), "its own rating is found"


def test_evaluations_table_links_each_source_to_the_reference_list(site):
    html = (site / "programmes" / "fixture" / "index.html").read_text()
    table = section(html, "wayout-evaluations")
    assert '<th scope="row">Trial A</th>' in table
    assert '<abbr title="Comparison that controls statistically for other differences (for example matching)">4</abbr>' in table
    assert '<a href="#ref-horgan2010rehabilitating">horgan2010rehabilitating</a>' in table
    references = html[html.index('id="references"'):]
    for key in ("horgan2010rehabilitating", "koehler2017understanding", "johnson2015introducing"):
        assert f'<li id="ref-{key}">' in references


def test_emmie_scores_and_method_link(site):
    emmie = section((site / "programmes" / "fixture" / "index.html").read_text(), "wayout-emmie")
    assert re.findall(r'<th scope="row">(.*?)</th><td>(\d) / 4</td>', emmie) == [
        ("Effect", "2"), ("Mechanism", "0"), ("Moderators", "0"), ("Implementation", "1"), ("Economic cost", "0"),
    ]
    assert '<a href="../../framework/">How ratings are computed</a>' in emmie


def test_unevaluated_programme_says_so(site):
    html = (site / "programmes" / "unevaluated" / "index.html").read_text()
    assert "wayout-badge--not-yet-evaluated" in html
    assert "No published evaluation has been found for this programme." in html


def test_a_programme_with_only_process_evaluations_says_why_it_is_unrated(tmp_path):
    process_only = UNEVALUATED.replace(
        "evaluations: []",
        "evaluations:\n  - study: Process\n    design_level: 1\n    outcome: implementation\n    result: mixed\n"
        "    significant: false\n    independent: true\n    source: koehler2017understanding",
    )
    write_bibliography(tmp_path / "src" / "bibliography")
    pages = {**PAGES, "en/programmes/unevaluated.md": process_only}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "programmes" / "unevaluated" / "index.html").read_text()
    assert "The published evaluations looked at how the programme is run, not at its effects" in html
    assert "No published evaluation has been found" not in html


def test_evidence_card_rates_each_outcome_it_asks_about(site):
    html = (site / "what-works" / "mentoring" / "index.html").read_text()
    ratings = section(html, "wayout-ratings")
    assert '<th scope="row">Disengagement from extremist groups</th>' in ratings
    assert '<th scope="row">Any reoffending</th>' in ratings
    assert "wayout-badge--not-yet-evaluated" in ratings, "an outcome the card asks about but no study measured"
    assert re.search(r'<th scope="row">Effect</th><td>4 / 4</td>', section(html, "wayout-emmie"))


def test_programme_catalogue_lists_every_profile_with_filter_data(site):
    html = (site / "programmes" / "index.html").read_text()
    rows = re.findall(r'<tr data-id="([^"]+)"', html)
    assert rows == ["fixture", "unevaluated"]
    assert 'data-country="NO" data-setting="prison through-the-gate" data-ideology="far-right islamist"' in html
    assert 'data-rating="promising"' in html and 'data-rating="not-yet-evaluated"' in html
    assert '<th scope="row"><a href="fixture/">Fixture programme</a></th>' in html
    options = re.findall(r'<select id="wayout-programme-country" name="country">(.*?)</select>', html, re.S)[0]
    assert re.findall(r'<option value="([^"]*)"', options) == ["", "DE", "NO"]
    assert "<!-- programme-catalogue -->" not in html


def test_evidence_catalogue_lists_every_card(site):
    html = (site / "what-works" / "index.html").read_text()
    assert re.findall(r'<tr data-id="([^"]+)"', html) == ["mentoring"]
    assert 'data-approach="mentoring" data-outcome="disengagement reoffending"' in html


def test_method_tables_are_generated_from_the_rules(site):
    html = (site / "framework" / "index.html").read_text()
    assert "<!-- framework-table" not in html
    ratings = re.findall(r'<td>(\d)</td><th scope="row"><span class="wayout-badge wayout-badge--([a-z-]+)">', html)
    assert ratings == [("1", "not-yet-evaluated"), ("2", "possibly-harmful"), ("3", "effective"), ("4", "promising"),
                       ("5", "no-effect"), ("6", "insufficient-evidence")]
    assert '<tr><th scope="row">5</th><td>Random assignment to the programme or a comparison group</td></tr>' in html
    assert '<tr><th scope="row">+1</th><td>three or more studies at level 3 or above</td></tr>' in html
    assert "Is the programme&#39;s theory of change" in html or "Is the programme's theory of change" in html
    french = (site / "fr" / "framework" / "index.html").read_text()
    assert "Random assignment" in french, "an untranslated page keeps its language in its tables too"


def test_unknown_framework_table_stops_the_build(tmp_path):
    write_bibliography(tmp_path / "src" / "bibliography")
    pages = {**PAGES, "en/framework/index.md": "---\ntype: page\ntitle: F\n---\n# F\n\n<!-- framework-table: colours -->\n"}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/en/framework/index.md:7: unknown framework table `colours` — use one of: design-levels, ratings, strength, emmie, practice" in output


def test_open_data_is_published_with_schemas_and_a_licence(site):
    data = site / "data"
    programmes = json.loads((data / "programmes.json").read_text())
    assert [item["id"] for item in programmes] == ["fixture", "unevaluated"]
    fixture = programmes[0]
    assert fixture["country"] == "NO" and fixture["ratings"]["headline"] == "promising"
    assert fixture["ratings"]["outcomes"][0]["trace"][-1] == ["promising", True]
    rows = list(csv.DictReader((data / "programmes.csv").open()))
    assert rows[0]["settings"] == "prison;through-the-gate" and rows[1]["headline_rating"] == "not-yet-evaluated"
    assert rows[0]["original_name"] == "Programme fictif" and rows[0]["original_name_language"] == ""  # the fixture names none
    evidence = json.loads((data / "evidence.json").read_text())
    assert evidence[0]["id"] == "mentoring" and evidence[0]["ratings"]["emmie"]["effect"] == 4
    schema = json.loads((data / "schemas" / "programme.schema.json").read_text())
    assert "NO" in schema["$defs"]["countries"]["enum"]
    rules = json.loads((data / "framework-rules.json").read_text())
    assert rules["rules"]["effectiveness"][0]["rating"] == "not-yet-evaluated" and rules["practice"]["dimensions"]
    assert "CC BY 4.0" in (data / "LICENCE.txt").read_text()
    links = (site / "fr" / "programmes" / "index.html").read_text()
    assert '<a href="../../data/programmes.csv" download>' in links


def test_unknown_source_keys_stop_the_build_naming_each_line(tmp_path):
    """A rendered page's sources are checked as it is built; another language's page before the
    first build ends, so both are reported in one run."""
    write_bibliography(tmp_path / "src" / "bibliography")
    english = PROGRAMME.replace("sources: [koehler2017understanding]", "sources: [koehler2017understandin]")
    french = PROGRAMME.replace("source: horgan2010rehabilitating", "source: nobody2020nothing")
    pages = {**PAGES, "en/programmes/fixture.md": english, "fr/programmes/fixture.md": french}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert (
        "docs/en/programmes/fixture.md:37: unknown bibliography key `koehler2017understandin` in `sources`"
        " — did you mean `koehler2017understanding`?"
    ) in output
    assert "docs/fr/programmes/fixture.md:27: unknown bibliography key `nobody2020nothing` in `evaluations`" in output


def test_a_page_shows_the_current_rating_of_an_evidence_card_it_names(site):
    html = (site / "integrated" / "index.html").read_text()
    card = (site / "what-works" / "mentoring" / "index.html").read_text()
    headline = re.search(r'wayout-profile__headline">.*?(<span class="wayout-badge [^"]*">.*?</span>[^<]*</span>)', card, re.S).group(1)
    assert f'<a class="wayout-rating-link" href="../what-works/mentoring/">{headline}</a>' in html
    french = (site / "fr" / "integrated" / "index.html").read_text()
    assert 'href="../what-works/mentoring/"' in french  # the French build's copy of the card


def test_an_unknown_evidence_card_stops_the_build(tmp_path):
    write_bibliography(tmp_path / "src" / "bibliography")
    pages = {**PAGES, "en/integrated.md": "---\ntype: page\ntitle: I\n---\n# I\n\nSee <!-- evidence-rating: mentorship -->.\n"}
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "docs/en/integrated.md:7: no evidence card `mentorship` — use one of: mentoring" in output


def test_every_bad_marker_is_reported_at_once(tmp_path):
    write_bibliography(tmp_path / "src" / "bibliography")
    pages = {
        **PAGES,
        "en/framework/index.md": "---\ntype: page\ntitle: F\n---\n# F\n\n<!-- framework-table: colours -->\n\n<!-- framework-table: shapes -->\n",
        "en/integrated.md": "---\ntype: page\ntitle: I\n---\n# I\n\nSee <!-- evidence-rating: mentorship -->.\n",
    }
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, PLUGINS), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "3 problems found:" in output
    assert "docs/en/framework/index.md:7: unknown framework table `colours`" in output
    assert "docs/en/framework/index.md:9: unknown framework table `shapes`" in output
    assert "docs/en/integrated.md:7: no evidence card `mentorship` — use one of: mentoring" in output
