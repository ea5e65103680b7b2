"""Editorial checks: lengths, citation counts, required sections, leftover template text and one
sentence per line, each reported with its file and line."""

from __future__ import annotations

from wayout.editorial import count_words
from wayout.pages import check_page

REVIEW_FRONT = """\
---
type: review
title: A review
summary: Short and plain.
audiences: [practitioners]
last_reviewed: 2026-11-27
---

# A review

"""
KEYS = [f"author{2000 + number}work" for number in range(10)]


def problems(text: str) -> list[str]:
    return [str(problem) for problem in check_page(text, "p.md")]


def review(words: int = 1500, keys: list[str] = KEYS, gaps: bool = True) -> str:
    citations = "\n".join(f"A finding [@{key}]." for key in keys)
    filler = "\n".join(["Exit work is slow and careful."] * ((words - 3 * len(keys)) // 6 + 1))
    gaps_section = "\n\n## Gaps in the evidence {#gaps}\n\nLittle is known.\n" if gaps else ""
    return REVIEW_FRONT + citations + "\n\n" + filler + gaps_section


def test_a_complete_review_passes():
    assert problems(review()) == []


def test_a_short_review_without_gaps_and_few_citations_gets_every_problem():
    assert problems(review(words=300, keys=KEYS[:3], gaps=False)) == [
        "p.md:8: the review has 302 words — a review needs at least 1500 words of body text",
        "p.md:8: the review cites 3 distinct works — a review cites at least 10 distinct works from bibliography/",
        "p.md:8: a review needs a section with the id `gaps` — add a heading ending in `{#gaps}`, e.g. `## … {#gaps}`",
    ]


def test_citing_one_work_many_times_counts_once():
    assert "the review cites 1 distinct works" in " ".join(problems(review(keys=[KEYS[0]] * 10)))


def test_a_long_summary_names_its_line_and_length():
    text = review().replace("summary: Short and plain.", "summary: " + "word " * 61)
    assert problems(text) == ["p.md:4: the summary has 61 words — shorten it to at most 60 words of plain language"]


def test_two_sentences_on_one_line_are_reported_once_per_line():
    text = review() + "First sentence. Second sentence.\nAnother one! And more? Yes.\n"
    result = problems(text)
    assert len(result) == 2 and all("more than one sentence on this line" in line for line in result)
    assert result[0].startswith("p.md:") and int(result[1].split(":")[1]) == int(result[0].split(":")[1]) + 1


def test_abbreviations_initials_lists_and_code_are_not_sentence_breaks():
    lines = [
        "Programmes differ, e.g. Exit in Germany and i.e. others.",
        "As J. Horgan argued [see @author2000work, p. 12].",
        "1. Numbered items start with a number.",
        "Use `make test. Then` in code and [a link](https://example.org/a. B).",
        "Published by the U.S. Department of Justice.",
        "See Horgan et al. (2016) for details.",
    ]
    assert problems(review() + "\n".join(lines) + "\n") == []


def test_leftover_template_markers_are_errors_but_ordinary_words_are_not():
    text = review() + "TODO write this.\nLorem ipsum dolor.\nThe team had a long todo list.\n"
    result = problems(text)
    assert [line.split(": ", 1)[1] for line in result] == [
        "unfilled template text `TODO` — write the missing text, or remove the marker",
        "unfilled template text `Lorem ipsum` — write the missing text, or remove the marker",
    ]


def test_code_blocks_are_not_checked():
    text = review() + "```\nTODO. Two sentences. Here.\n```\n"
    assert problems(text) == []


MODULE = """\
---
type: module
title: "Module 1: Basics"
summary: The basics.
module: 1
duration_minutes: 120
audiences: [prison-staff]
prerequisites: []
objectives:
  - Participants can explain one thing.
  - Participants can do another.
last_reviewed: 2026-11-27
---

# Module 1: Basics

## Content {#content}

Text.

## Exercises {#exercises}

Text.

## Case study (fictional) {#case-study}

Text.

## Self-check {#self-check}

??? question "1. Why?"
    Because.

## Trainer notes {#trainer-notes}

Text.

## Handouts {#handouts}

Text.
"""


def test_a_complete_module_passes():
    assert problems(MODULE) == []


def test_a_module_without_its_sections_or_questions_is_told_which():
    text = MODULE.replace("## Handouts {#handouts}", "## Handouts").replace('??? question "1. Why?"\n    Because.', "No questions.")
    assert problems(text) == [
        "p.md:14: a module needs a section with the id `handouts` — add a heading ending in `{#handouts}`, e.g. `## … {#handouts}`",
        'p.md:29: the self-check has no questions — add questions as `??? question "…"` blocks with the answer indented below',
    ]


def test_a_module_front_matter_follows_its_schema():
    text = MODULE.replace("duration_minutes: 120", "duration_minutes: two hours")
    assert problems(text) == [
        "p.md:6: `duration_minutes`: 'two hours' is not of type 'integer' — "
        "correct the value as scripts/wayout/data/schemas/module.schema.json describes"
    ]


FACTSHEET = """\
---
type: factsheet
title: What is an exit programme?
summary: A short answer.
audiences: [police]
key_messages:
  - One.
  - Two.
  - Three.
last_reviewed: 2026-11-27
---

# What is an exit programme?

"""


def test_a_factsheet_must_fit_on_one_page():
    assert problems(FACTSHEET + "Short.\n") == []
    long = FACTSHEET + "\n".join(["Exit work is slow and careful."] * 100) + "\n"
    assert problems(long) == [
        "p.md:12: the factsheet has 605 words, more than fit on one printed page — "
        "cut it to at most 550 words; move detail to a review or guide and link to it"
    ]


def test_a_factsheet_needs_three_to_five_key_messages():
    text = FACTSHEET.replace("  - Two.\n  - Three.\n", "")
    assert len(problems(text)) == 1 and problems(text)[0].startswith("p.md:6: `key_messages`")


def test_word_count_leaves_out_code_comments_links_and_keys():
    assert count_words("Two words [@horgan2010rehabilitating].\n<!-- hidden words -->\n```\ncode here\n```\n[link](https://a.b/c d)") == 3


def test_headings_and_block_titles_may_hold_two_sentences():
    text = review() + '### Handout: True or false? (Exercise 1)\n\n??? question "2. Why? Explain."\n    Because.\n'
    assert problems(text) == []
