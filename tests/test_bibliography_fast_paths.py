"""The engine's shortcuts give exactly what the general code (or pybtex, json, latexcodec) gives.

Each shortcut handles the common case with plain string work and leaves the rest to the general
path; these tests generate many inputs, common and odd, and compare the two, character for character.
The inputs come from seeded generators, so a failure is reproducible.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import NAME_CHARS, LowLevelParser, month_names
from pybtex.utils import CaseInsensitiveDict

from wayout.bibliography import citations, exports, sources
from wayout.bibliography.casing import sentence_case
from wayout.bibliography.latex import latex_segments, latex_to_plain, latex_to_rich

# --- BibTeX entries --------------------------------------------------------------------------------

_SPACES = ["", " ", "\n", "  \n\t", "\u00a0", "\u2003"]
_VALUES = [
    "{}", "{a}", "{a {b} c}", "{{x}}", '"q"', '"a {"} b"', '"{}"', "2017", "0", '{a "b" c}', '"a}b"', "{a", '"a',
    "jan", "12x", "{\\o}", "{%}", "{@}", '""', "{a}}", "{ {}{}{{}} }", "{a,b}", '"a,b"', "{=}", '"="', "{Title: A}",
]  # fmt: skip
_FIELD_NAMES = ["title", "Title", "a@b", "x.y", "t2", "2t", "_", "~", "[x]", "é", "a b", "\x7f"]


def _random_chunk(rng: random.Random) -> str:
    parts = [rng.choice(["@article{", "@misc {", "@MISC{", " @book\t{", "@string{"]), rng.choice(_SPACES)]
    parts.append(rng.choice(["key", "k{x", 'k"', "a=b", "koehler2017how"]))
    for _field in range(rng.randint(0, 4)):
        parts += [rng.choice(_SPACES), rng.choice([",", ",", ",,", ""]), rng.choice(_SPACES), rng.choice(_FIELD_NAMES)]
        parts += [rng.choice(_SPACES), rng.choice(["=", "=", ""]), rng.choice(_SPACES), rng.choice(_VALUES)]
        if rng.random() < 0.05:
            parts += [" # ", rng.choice(_VALUES)]
    parts += [rng.choice(_SPACES), rng.choice([",", ""]), rng.choice(_SPACES), rng.choice(["}", "}", ")", ""])]
    parts.append(rng.choice(["", "\n", "\ntext\n", "\n@x\n", " } ", "\n%c\n"]))
    return "".join(parts)


def test_the_field_name_pattern_is_pybtex_s():
    assert set(re.findall(r"\\.|.", sources._NAME_CHARACTERS)) == set(re.findall(r"\\.|.", re.escape(NAME_CHARS)))


def test_an_entry_read_by_the_scanner_is_what_pybtex_reads():
    rng = random.Random(1)
    read = 0
    for _attempt in range(15_000):
        chunk = _random_chunk(rng)
        simple = sources._read_simple_entry(chunk)
        if simple is None:
            continue  # left to pybtex's parser
        read += 1
        parser = LowLevelParser(chunk, macros=CaseInsensitiveDict(month_names))
        commands = [(command, (key, [(name, parts) for name, parts in fields])) for command, (key, fields) in parser]
        assert commands == [(simple[0], (simple[1], simple[2]))], chunk
        assert parser.command_start == chunk.index("@")
    assert read > 1000  # the scanner did take the well-formed entries


def test_the_scanner_takes_the_usual_entries():
    chunk = '@article{koehler2017how,\n  author = {Koehler, Daniel},\n  title = "How and {Why}",\n  year = 2017,\n}\n\n'
    assert sources._read_simple_entry(chunk) == (
        "article", "koehler2017how", [("author", ["Koehler, Daniel"]), ("title", ["How and {Why}"]), ("year", ["2017"])],
    )  # fmt: skip


_NAME_PIECES = [
    "a", "B", "van", "de", "La", "Smith", ",", " ", "  ", " and ", " AND ", "-", "'", "3", ".", "Ⅰ", "ⅰ", "é", "É",
    "ß", "ª", "\t", "Jr", "others", "\u00a0", "İ", "ǅ", "_", "{", "}", "\\", "~", '{\\"o}', "ʰ", "Ω", "²",
]  # fmt: skip


def _person_parts(person: Person) -> tuple:
    parts = (person.first_names, person.middle_names, person.prelast_names, person.last_names, person.lineage_names)
    return (*parts, str(person))


def test_names_are_split_as_pybtex_splits_them():
    rng = random.Random(2)
    for _attempt in range(8000):
        value = " ".join("".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(0, 12))).split())
        try:
            expected = [_person_parts(Person(name)) for name in split_name_list(value)]
        except Exception as error:  # pybtex refuses some names; the shortcut must refuse them alike
            expected = repr(error)
        try:
            actual = [_person_parts(person) for person in sources._persons(value)]
        except Exception as error:
            actual = repr(error)
        assert actual == expected, value


# --- LaTeX and casing -----------------------------------------------------------------------------

_VALUE_PIECES = ["a", "B", "Word", " ", "-", "--", "---", "1", "647", ":", ".", ",", ";", "(", ")", "/", "'", "`", "é"]


@pytest.mark.parametrize("seed", range(3))
def test_plain_values_skip_the_codec_and_the_parser_with_the_same_result(seed):
    rng = random.Random(seed)
    for _attempt in range(3000):
        value = " ".join("".join(rng.choice(_VALUE_PIECES) for _ in range(rng.randint(1, 10))).split())
        rich = latex_to_rich(value)  # latexcodec and pybtex's parser, as for any value
        assert latex_to_plain(value) == str(rich), value
        assert latex_segments(value) == tuple((str(part), False) for part in rich.parts), value


def test_sentence_case_of_ascii_text_is_the_character_loop():
    rng = random.Random(3)
    for alphabet in ("aBcZ09 .:?!-,\t\n\x1c'()", "a. b: C? d! 1 2x ", "aBcZ09 .:?!\u2014é\u00a0Ⅰ²ß"):
        for _attempt in range(6000):
            segments = tuple(
                ("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))), rng.random() < 0.3)
                for _segment in range(rng.randint(0, 4))
            )
            assert sentence_case(segments) == sentence_case(segments, ascii_shortcut=False), segments


# --- citations ------------------------------------------------------------------------------------

_MARKDOWN_PIECES = [
    "[", "]", "@", "-@", "\\@", "\\", "`", "```", "~~~", "\n", "\n\n", "    ", "\t", " ", "- ", "1. ", "!!! note", "> ",
    '<span title="@k2010x">', "</span>", "<!--", "-->", "https://x.org/@a2010b", "a@b.org", "(", ")", ";", ",",
    "p. 12", "word", "@koehler2017how", "[@koehler2017how]", "[-@k2010x]", "@{odd.key:1}", "x@y", "é", "{", "}",
    "\r", "\x0c", "\u2028", "[ref]: http://x", "](", "www.", "mailto:", "<", "a.b@c.d", "[@a]", "[@a.]", "[@a<b]>",
    "[@a](x)", "[@a][b]", "[@a]:", "ftp", "http", "[@a; @b]",
]  # fmt: skip


def _random_markdown(rng: random.Random) -> str:
    return "".join(rng.choice(_MARKDOWN_PIECES) for _ in range(rng.randint(0, 40)))


def test_inline_exclusions_are_found_where_the_pattern_finds_them():
    rng = random.Random(4)
    for _attempt in range(8000):
        text = _random_markdown(rng)
        expected = [(match.start(), match.end()) for match in citations._INLINE_EXCLUSIONS.finditer(text)]
        assert citations._inline_exclusions(text) == expected, text


def test_a_page_without_fences_or_indented_lines_has_no_code_blocks():
    rng = random.Random(5)
    for _attempt in range(8000):
        text = _random_markdown(rng)
        assert citations._code_blocks(text) == citations._code_blocks_line_by_line(text), text


def test_lines_of_running_text_take_a_shortcut_to_the_same_code_blocks():
    rng = random.Random(7)
    lines = ["Word", "word [@a]", "É", "- item", "1. item", "    indented", "\t tab", "> quote", ">     code", "!!! note",
             "??? question", "```", "~~~", "```py", "", " ", "2) x", "+ x", "        deep", "\r"]
    for _attempt in range(8000):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 14)))
        assert citations._code_blocks_line_by_line(text) == citations._code_blocks_line_by_line(text, prose_shortcut=False), text
    for _attempt in range(4000):
        text = _random_markdown(rng)
        assert citations._code_blocks_line_by_line(text) == citations._code_blocks_line_by_line(text, prose_shortcut=False), text


def test_the_one_key_shortcut_finds_what_the_general_path_finds(monkeypatch):
    rng = random.Random(6)
    texts = [_random_markdown(rng) for _attempt in range(3000)]
    with_shortcut = [citations.find_citations(text) for text in texts]
    monkeypatch.setattr(citations, "_ONE_KEY_ALONE", re.compile(r"(?!)"))  # matches nothing
    assert [citations.find_citations(text) for text in texts] == with_shortcut


# --- exports --------------------------------------------------------------------------------------


def _random_json(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return rng.choice(["", "a", 'é"\\\n\t\u2028<>&', 0, 7, -5, 10**20, True, None, 1.5, "ü😀", "\x00\x1f"])
    if roll < 0.7:
        return [_random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(["id", 'a"', "é", f"k{index}", ""]): _random_json(rng, depth + 1) for index in range(rng.randint(0, 4))}


def test_csl_json_is_written_as_json_dumps_writes_it():
    rng = random.Random(7)
    for _attempt in range(5000):
        value = _random_json(rng)
        assert exports._indented_json(value, "") == json.dumps(value, ensure_ascii=False, indent=2)
        assert "  " + exports._indented_json(value, "  ") == json.dumps([value], ensure_ascii=False, indent=2)[2:-2]
