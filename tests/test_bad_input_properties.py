"""Whatever a contributor types into front matter or a .bib file, the checks answer with problems
(file:line: what — how), never with an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wayout.bibliography.sources import read_bibliography
from wayout.pages import check_page

# Pieces that YAML and BibTeX treat specially, so that generated input reaches the odd paths.
YAML_PIECES = st.sampled_from([
    "type", "title", "summary", "page", "factsheet", "programme", "evidence", "module", "review", "kit",
    ":", ": ", "- ", "[", "]", "{", "}", "'", '"', "#", "&a", "*a", "!!python/object", "!ENV", "|", ">",
    "\n", "\n  ", "\t", "---", "...", "null", "~", "2026-13-45", "NO", "yes", "1e9", "é", "\u202f", "\x00",
    "audiences", "key_messages", "translation", "source_hash", "evaluations", "design_level", "TODO",
])  # fmt: skip
BIB_PIECES = st.sampled_from([
    "@article", "@book", "@misc", "@string", "@comment", "@preamble", "{", "}", "(", ")", ",", "=", '"', "#",
    "author", "title", "journal", "year", "doi", "key2020word", " and ", "{\\\"o}", "\\", "%", "\n", " ",
    "2020", "Smith, Jane", "@", "{{", "}}", "é", "\x00",
])  # fmt: skip


def assert_reported(problems) -> None:
    for problem in problems:
        assert problem.path and problem.line >= 1 and problem.message.strip()


@settings(max_examples=400, deadline=None)
@given(front=st.lists(YAML_PIECES | st.text(max_size=8), max_size=40), body=st.text(max_size=200))
def test_any_front_matter_is_answered_with_problems_not_an_exception(front, body):
    text = "---\n" + "".join(front) + "\n---\n" + body
    assert_reported(check_page(text, "docs/en/page.md"))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_at_all_is_answered_with_problems_not_an_exception(text):
    assert_reported(check_page(text, "docs/en/page.md"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(BIB_PIECES | st.text(max_size=6), max_size=60))
def test_any_bibtex_is_answered_with_problems_not_an_exception(pieces):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "topic.bib").write_text("".join(pieces), encoding="utf-8")
        bibliography, problems = read_bibliography(Path(folder), Path(folder))
    assert_reported(problems)
    assert all(key for key in bibliography.entries)
