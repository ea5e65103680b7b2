"""Citation terms per language: English is complete, every language falls back to it term by term."""

from __future__ import annotations

import pytest

from wayout.bibliography.citations import Locator
from wayout.bibliography.in_text import locator_text
from wayout.bibliography.terms import TermBook, load_term_book

LANGUAGES = ["en", "fr", "de", "nl", "pt"]


def test_every_site_language_has_its_own_key_terms():
    book = load_term_book()
    assert set(LANGUAGES) <= set(book.languages)
    rows = {
        language: (terms.and_in_parentheses, terms.and_in_text, terms.editors, terms.pages, terms.no_date, terms.in_)
        for language in LANGUAGES
        for terms in [book.for_language(language)]
    }
    assert rows == {
        "en": ("&", "and", "Eds.", "pp.", "n.d.", "In"),
        "fr": ("et", "et", "dir.", "p.", "s.d.", "Dans"),
        "de": ("&", "und", "Hrsg.", "S.", "o. J.", "In"),
        "nl": ("&", "en", "Red.", "pp.", "z.d.", "In"),
        "pt": ("&", "e", "Eds.", "pp.", "s.d.", "In"),
    }
    assert {book.for_language(language).et_al for language in LANGUAGES} == {"et al."}


def test_regional_and_unknown_languages_fall_back():
    book = load_term_book()
    assert book.for_language("pt-BR").no_date == "s.d."
    assert book.for_language("sv").no_date == "n.d."


def test_a_sixth_language_is_a_data_addition_with_english_for_what_it_leaves_out():
    raw = {"en": dict(load_term_book()._raw["en"]), "es": {"and_in_text": "y", "no_date": "s. f."}}
    spanish = TermBook(raw).for_language("es")
    assert (spanish.and_in_text, spanish.no_date, spanish.pages) == ("y", "s. f.", "pp.")


def test_a_misspelt_or_missing_term_is_refused():
    english = dict(load_term_book()._raw["en"])
    with pytest.raises(ValueError, match="unknown terms \\['pagez'\\]"):
        TermBook({"en": english, "fr": {"pagez": "p."}})
    del english["pages"]
    with pytest.raises(ValueError, match="English lacks \\['pages'\\]"):
        TermBook({"en": english})


@pytest.mark.parametrize(
    ("language", "edition", "label"),
    [
        ("en", "5th", "5th ed."), ("en", "2", "2nd ed."), ("en", "11", "11th ed."), ("en", "Revised", "Revised ed."),
        ("fr", "1st", "1re éd."), ("fr", "5th", "5e éd."), ("de", "5th", "5. Aufl."), ("nl", "5th", "5e dr."),
        ("pt", "5th", "5.ª ed."),
    ],
)  # fmt: skip
def test_edition_labels(language, edition, label):
    assert load_term_book().for_language(language).edition_label(edition) == label


@pytest.mark.parametrize(
    ("language", "locator", "text"),
    [
        ("en", Locator("page", "12"), "p. 12"), ("en", Locator("page", "3-4"), "pp. 3–4"),
        ("de", Locator("page", "3-4"), "S. 3–4"), ("fr", Locator("page", "3-4"), "p. 3–4"),
        ("en", Locator("chapter", "3"), "Chapter 3"), ("en", Locator("paragraph", "4"), "para. 4"),
        ("nl", Locator("section", "2"), "paragraaf 2"),
    ],
)  # fmt: skip
def test_locators(language, locator, text):
    assert locator_text(locator, load_term_book().for_language(language)) == text
