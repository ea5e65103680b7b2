"""Pandoc citation syntax: what is a citation, what is not, and unknown keys."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from wayout.bibliography.citations import (
    Citation,
    CitationMode,
    CitedItem,
    Locator,
    find_citations,
    unknown_key_problems,
)
from wayout.problems import Problem


def cited(text: str) -> list[tuple[str, str, list[CitedItem]]]:
    return [(text[c.start : c.end], c.mode.value, list(c.items)) for c in find_citations(text)]


def keys(text: str) -> list[str]:
    return [key for citation in find_citations(text) for key in citation.keys]


def test_one_and_several_keys_in_brackets():
    assert cited("See [@koehler2017how] and [@horgan2010rehabilitating; @altier2014turning].") == [
        ("[@koehler2017how]", "parenthetical", [CitedItem("koehler2017how")]),
        (
            "[@horgan2010rehabilitating; @altier2014turning]",
            "parenthetical",
            [CitedItem("horgan2010rehabilitating"), CitedItem("altier2014turning")],
        ),
    ]


def test_prefixes_locators_and_suffixes():
    assert cited("[see @koehler2017how, p. 12]")[0][2] == [CitedItem("koehler2017how", "see", Locator("page", "12"))]
    assert cited("[see @a2010word, pp. 3-4; also @b2011word]")[0][2] == [
        CitedItem("a2010word", "see", Locator("page", "3-4")),
        CitedItem("b2011word", "also"),
    ]
    assert cited("[@a2010word, chap. 3, for a review]")[0][2] == [
        CitedItem("a2010word", locator=Locator("chapter", "3"), suffix="for a review")
    ]
    assert cited("[@a2010word, 33-35, 38 and passim]")[0][2] == [
        CitedItem("a2010word", locator=Locator("page", "33-35, 38"), suffix="and passim")
    ]
    assert cited("[@a2010word, para. 4]")[0][2] == [CitedItem("a2010word", locator=Locator("paragraph", "4"))]
    assert cited("[@a2010word, for a review]")[0][2] == [CitedItem("a2010word", suffix="for a review")]


def test_suppressed_author():
    assert cited("as shown [-@koehler2017how, p. 3]")[0][2] == [
        CitedItem("koehler2017how", locator=Locator("page", "3"), suppress_author=True)
    ]


def test_narrative_citations_with_and_without_a_locator():
    text = "As @horgan2010rehabilitating argue, and @koehler2017how [p. 33] agrees. Ends @altier2014turning."
    assert cited(text) == [
        ("@horgan2010rehabilitating", "narrative", [CitedItem("horgan2010rehabilitating")]),
        ("@koehler2017how [p. 33]", "narrative", [CitedItem("koehler2017how", locator=Locator("page", "33"))]),
        ("@altier2014turning", "narrative", [CitedItem("altier2014turning")]),
    ]


def test_spans_and_lines_let_a_caller_replace_citations():
    text = "First line.\nSecond [@a2010word] and\n@b2011word on the third."
    citations = find_citations(text, line_offset=4)
    assert [(c.start, c.end, c.line, c.mode) for c in citations] == [
        (19, 31, 6, CitationMode.PARENTHETICAL),
        (36, 46, 7, CitationMode.NARRATIVE),
    ]
    replaced = text
    for citation in reversed(citations):
        replaced = replaced[: citation.start] + "<cite>" + replaced[citation.end :]
    assert replaced == "First line.\nSecond <cite> and\n<cite> on the third."


def test_no_citations_in_code():
    text = (
        "Inline `@a2010word` and ``code with ` and @b2010word`` here.\n\n"
        "```python\nx = '@c2010word'\n```\n\n"
        "~~~~\n@d2010word\n~~~~\n\n"
        "    @e2010word in an indented code block\n\n"
        "!!! note\n\n    Admonition text cites @f2010word.\n\n"
        "- list item\n\n    continued, citing @g2010word\n\n        @h2010word is code inside the list\n"
    )
    assert keys(text) == ["f2010word", "g2010word"]


def test_no_citations_in_addresses_or_markup():
    text = (
        "Write to name@example.org or <mailto:team@example.org>. "
        "See https://example.org/@a2010word, <https://example.org/@b2010word>, "
        "[a link](https://example.org/@c2010word \"title @d2010word\") and www.example.org/@e2010word. "
        '<span title="@f2010word">x</span> <!-- @g2010word --> \\@h2010word.\n'
        "[ref]: https://example.org/@i2010word\n"
    )
    assert keys(text) == []


def test_links_are_not_bracketed_citations():
    assert cited("[@a2010word](https://example.org)")[0][1] == "narrative"
    assert keys("Factors [@altier2014turning]: identity.") == ["altier2014turning"]


def test_brackets_that_are_not_citation_groups():
    # a part without a key: the bracket is ordinary text, the key inside is narrative
    assert cited("[note; @a2010word]") == [("@a2010word", "narrative", [CitedItem("a2010word")])]
    assert cited("[just words]") == []


def test_trailing_punctuation_is_not_part_of_a_key_and_braces_allow_any_key():
    assert keys("As @koehler2017how. And @koehler2017how's view, [@{odd.key:1}].") == [
        "koehler2017how",
        "koehler2017how",
        "odd.key:1",
    ]


def test_unknown_keys_suggest_the_closest_known_ones_all_at_once():
    text = "Known [@koehler2017how].\nTypos [@koehler2017hwo; @altier2014turnin].\nAnd @zzz9999nothing."
    known = {"koehler2017how", "koehler2017understanding", "altier2014turning", "altier2017why"}
    problems = unknown_key_problems(find_citations(text, line_offset=3), known, "docs/en/page.md")
    assert problems == [
        Problem("docs/en/page.md", 5, "unknown citation key `koehler2017hwo`", "did you mean `koehler2017how`?"),
        Problem("docs/en/page.md", 5, "unknown citation key `altier2014turnin`", "did you mean `altier2014turning`, `altier2017why`?"),
        Problem(
            "docs/en/page.md", 6, "unknown citation key `zzz9999nothing`",
            "add the work to a file in bibliography/, or write `\\@` if this is not a citation",
        ),
    ]  # fmt: skip
    assert str(problems[0]) == "docs/en/page.md:5: unknown citation key `koehler2017hwo` — did you mean `koehler2017how`?"


# --- properties -----------------------------------------------------------------------------------

MARKER = "qqmarker2020word"
# Filler text that cannot open or close code, links or HTML on its own, so that the construct
# around the marker stays what it is.
filler = st.text(alphabet=string.ascii_letters + " .,;:!?'\"@", max_size=40)
key = st.from_regex(r"[a-z]{1,8}[0-9]{4}[a-z]{1,8}", fullmatch=True)

protected_constructs = st.sampled_from(
    [
        "`@{k}`",
        "``a ` @{k}``",
        "```` x `@{k}` ````",
        "\n\n```\n@{k}\n```\n\n",
        "\n\n~~~ text\n[@{k}]\n~~~\n\n",
        "\n\n    [@{k}] in indented code\n\n",
        "https://example.org/@{k}",
        "http://example.org/path/@{k}/more?q=@{k}",
        "<https://example.org/@{k}>",
        "[link](https://example.org/@{k})",
        "person.{k}@example.org",
        "{k}@example.org",
        "\\@{k}",
        "<!-- [@{k}] -->",
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_the_parser_never_raises_on_any_text(text):
    for citation in find_citations(text):
        assert 0 <= citation.start < citation.end <= len(text)
        assert citation.line >= 1


@settings(max_examples=300, deadline=None)
@given(before=filler, construct=protected_constructs, after=filler, cited_key=key)
def test_nothing_inside_code_urls_or_addresses_is_a_citation(before, construct, after, cited_key):
    text = before + construct.replace("{k}", MARKER) + after + f" [@{cited_key}]"
    found = keys(text)
    assert MARKER not in found
    assert found[-1] == cited_key


@settings(max_examples=200, deadline=None)
@given(before=filler, cited_key=key, after=filler)
def test_a_citation_in_plain_prose_is_always_found(before, cited_key, after):
    text = f"{before} [see @{cited_key}, p. 3] {after}"
    citations = find_citations(text)
    assert any(
        citation.mode is CitationMode.PARENTHETICAL and citation.items[0] == CitedItem(cited_key, "see", Locator("page", "3"))
        for citation in citations
    )


def test_citation_objects_are_plain_values():
    citation = find_citations("[@a2010word]")[0]
    assert citation == Citation(0, 12, 1, (CitedItem("a2010word"),), CitationMode.PARENTHETICAL)


def test_roman_numerals_need_a_label_and_words_are_never_pages():
    assert cited("[@a2010word, pp. iv-x]")[0][2] == [CitedItem("a2010word", locator=Locator("page", "iv-x"))]
    assert cited("[@a2010word, did so]")[0][2] == [CitedItem("a2010word", suffix="did so")]
    assert cited("[@a2010word, 12]")[0][2] == [CitedItem("a2010word", locator=Locator("page", "12"))]
    assert cited("[@a2010word, 12th century]")[0][2] == [CitedItem("a2010word", suffix="12th century")]


_MARKDOWN_PIECES = ["[@a1]", "@b2", " [p. 12]", "`", "```", "    code", "\n", "\n\n", "<a href='x'>", "x@y.org", "http://x.y/@z",
                    "[see @c3, pp. 3-4", "]", "(", ")", "](", "<!--", "-->", "> ", "- ", "\t", "@d4.", " ", "word", "~~~",
                    "\\@", "[-@e5]", "@f6 [chap. 3]", "[@g7; @h8]"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=16).map("".join), st.integers(min_value=1, max_value=3))
def test_final_line_breaks_change_no_citation_found(text, breaks):
    # find_citations() keeps one result per text without its final line breaks, for every caller.
    from wayout.bibliography.citations import _find_citations

    assert _find_citations(text.rstrip("\n") + "\n" * breaks, 0) == _find_citations(text.rstrip("\n"), 0)


def test_the_same_body_asked_for_with_different_line_offsets_gets_its_own_lines():
    body = "Intro [@a2010word].\n\n```\n[@not2010cited]\n```\n@b2011word says so.\n"
    plain = find_citations(body)
    offset = find_citations(body.rstrip("\n"), line_offset=5)
    assert [(c.line, c.keys) for c in plain] == [(1, ["a2010word"]), (6, ["b2011word"])]
    assert [(c.start, c.end, c.line, c.keys) for c in offset] == [(c.start, c.end, c.line + 5, c.keys) for c in plain]
