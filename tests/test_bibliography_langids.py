"""The language of a work (`langid`): checked when the bibliography loads, shown as written and
marked with `lang` in reference lists, and exported to CSL-JSON and RIS."""

from __future__ import annotations

from pathlib import Path

import pytest
from citation_fixtures import ENGLISH_ARTICLE, GERMAN_WEB_PAGE

from wayout.bibliography.exports import to_bibtex, to_csl_items, to_ris
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.langids import language_tag
from wayout.bibliography.sources import load_bibliography, read_bibliography

ENTRIES = GERMAN_WEB_PAGE + "\n" + ENGLISH_ARTICLE


def write_bibliography(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "bibliography"
    folder.mkdir()
    (folder / "programmes.bib").write_text(text, "utf-8")
    return folder


@pytest.fixture
def formatter(tmp_path) -> ReferenceFormatter:
    return ReferenceFormatter(load_bibliography(write_bibliography(tmp_path, ENTRIES)))


def reference_html(formatter: ReferenceFormatter, key: str, language: str) -> str:
    return next(entry.html for entry in formatter.all_references(language) if entry.key == key)


@pytest.mark.parametrize(("langid", "tag"), [
    (None, "en"), ("", "en"), ("german", "de"), ("ngerman", "de"), ("French", "fr"), ("dutch", "nl"),
    ("portuguese", "pt"), ("brazilian", "pt"), ("de", "de"), ("de-DE", "de"), ("pt_BR", "pt"), ("norsk", "nb"),
    ("klingon", None), ("xx-DE", None), ("german-ish", None),
])  # fmt: skip
def test_a_langid_is_a_biblatex_language_name_or_a_language_tag(langid, tag):
    assert language_tag(langid) == tag


def test_an_unknown_langid_is_reported_with_file_line_and_the_names_to_use(tmp_path):
    text = ENTRIES.replace("langid   = {german}", "langid   = {deutsch}")
    _bibliography, problems = read_bibliography(write_bibliography(tmp_path, text))
    assert [(problem.path, problem.line, problem.message) for problem in problems] == [
        ("bibliography/programmes.bib", 1, "entry `kreiszeitungndnetzwerk` has the langid `deutsch`, which the site does not know"),
    ]
    assert "german" in problems[0].fix and "french" in problems[0].fix and "dutch" in problems[0].fix


def test_a_title_in_another_language_keeps_its_capitals_where_english_ones_go_to_sentence_case(formatter):
    english = reference_html(formatter, "koehler2017how", "en")
    german = reference_html(formatter, "kreiszeitungndnetzwerk", "en")
    assert "How and why we should take deradicalization seriously." in english
    assert "Netzwerk meldet Erfolg bei Arbeit mit islamistischen Häftlingen</em>" in german


@pytest.mark.parametrize("language", ["en", "fr", "nl", "pt"])
def test_a_german_title_is_marked_as_german_in_another_languages_list(formatter, language):
    assert '<em lang="de">Netzwerk meldet Erfolg' in reference_html(formatter, "kreiszeitungndnetzwerk", language)


def test_a_german_title_in_the_german_list_needs_no_mark(formatter):
    html = reference_html(formatter, "kreiszeitungndnetzwerk", "de")
    assert "<em>Netzwerk meldet Erfolg" in html and "lang=" not in html


def test_an_english_title_is_marked_as_english_outside_the_english_list(formatter):
    assert "lang=" not in reference_html(formatter, "koehler2017how", "en")
    assert ('<span lang="en">How and why we should take deradicalization seriously</span>.'
            in reference_html(formatter, "koehler2017how", "fr"))


def test_the_language_is_exported_where_the_entry_names_it(tmp_path):
    bibliography = load_bibliography(write_bibliography(tmp_path, ENTRIES))
    items = {item["id"]: item for item in to_csl_items(bibliography)}
    assert items["kreiszeitungndnetzwerk"]["language"] == "de"
    assert "language" not in items["koehler2017how"]
    records = {record.split("ID  - ")[1].split("\n")[0]: record for record in to_ris(bibliography).split("ER  - \n")[:2]}
    assert "LA  - de\n" in records["kreiszeitungndnetzwerk"]
    assert "LA  -" not in records["koehler2017how"]
    assert "  langid = {german},\n" in to_bibtex(bibliography)

