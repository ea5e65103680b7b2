"""Glossary links in running text: the first occurrence of each term, never inside a programme's
name ("Desistance" in "Desistance and Disengagement Programme" names a programme, not a process)."""

from __future__ import annotations

import re

from markdown import Markdown

from wayout.glossary import Term, programme_names
from wayout.markdown_extensions.glossary import GlossaryExtension, GlossaryLinker

TERMS = [
    Term("Desistance", "Stopping offending.", "term-desistance", ("Desistance", "desisting")),
    Term("Aftercare", "Support after release.", "term-aftercare", ("Aftercare",)),
]
NAMES = ["Desistance and Disengagement Programme", "Aftercare", "Exit Fryshuset"]


def linked(text: str, names: list[str]) -> list[str]:
    """The words linked to the glossary, in order, with the text before each."""
    linker = GlossaryLinker()
    linker.set_terms(TERMS, names)
    linker.start_page("../glossary/")
    html = Markdown(extensions=[GlossaryExtension(linker)]).convert(text)
    return re.findall(r'(\S+ )?<a class="wayout-term" href="[^"]+" title="[^"]+">([^<]+)</a>', html)


def test_a_term_inside_a_programme_name_is_not_linked_and_its_next_occurrence_is():
    text = "Referred to the Desistance and Disengagement Programme, people start desisting."
    assert linked(text, NAMES) == [("start ", "desisting")]
    assert linked(text, []) == [("the ", "Desistance")]


def test_a_name_is_recognised_whatever_its_case_and_only_whole():
    assert linked("In the desistance and disengagement programme, aftercare.", NAMES) == [("programme, ", "aftercare")]
    assert linked("Desistance and Disengagement Programmes differ.", NAMES) == [("", "Desistance")]


def test_a_name_that_is_itself_a_term_is_linked():
    assert linked("Aftercare matters.", NAMES) == [("", "Aftercare")]


def test_a_programme_profile_gives_its_original_and_english_names():
    front = {"type": "programme", "names": {"original": "Netzwerk Deradikalisierung im Strafvollzug",
                                            "english": "Network for Deradicalisation in Corrections", "short": "NeDiS"}}
    assert programme_names(front) == ["Netzwerk Deradikalisierung im Strafvollzug", "Network for Deradicalisation in Corrections"]
    assert programme_names({"type": "page", "names": {"original": "X"}}) == []
