"""Loading bibliography/: every problem reported at once, each with its exact file, line and message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citation_fixtures import ENGLISH_ARTICLE as ARTICLE

from wayout.bibliography.sources import load_bibliography, read_bibliography, source_fingerprint
from wayout.problems import Problem, ProblemsFound

REAL_BIBLIOGRAPHY = Path(__file__).resolve().parents[1] / "bibliography"



def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def problems_in(tmp_path: Path, text: str, name: str = "topic.bib") -> list[Problem]:
    folder = tmp_path / "bibliography"
    folder.mkdir(exist_ok=True)
    write(folder, name, text)
    return read_bibliography(folder)[1]


def fix_of(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(problem.path, problem.line, problem.message) for problem in problems]


def test_the_real_bibliography_loads_with_no_problems():
    bibliography, problems = read_bibliography(REAL_BIBLIOGRAPHY)
    assert problems == []
    # Every .bib file is a topic with entries; the count grows as references are added.
    assert len(bibliography) >= 53
    assert bibliography.topics() == sorted(path.stem for path in REAL_BIBLIOGRAPHY.glob("*.bib"))


def test_every_real_entry_knows_the_line_of_its_own_at_sign():
    bibliography = load_bibliography(REAL_BIBLIOGRAPHY)
    for entry in bibliography.entries.values():
        lines = (REAL_BIBLIOGRAPHY / f"{entry.topic}.bib").read_text("utf-8").splitlines()
        assert lines[entry.line - 1].startswith(f"@{entry.type}{{{entry.key},"), entry.key
        assert entry.path == f"bibliography/{entry.topic}.bib"


def test_an_entry_keeps_fields_persons_type_topic_and_provenance(tmp_path):
    folder = tmp_path / "bibliography"
    folder.mkdir()
    write(folder, "deradicalisation.bib", "% a comment with an @ sign: someone@example.org\n\n" + ARTICLE)
    entry = load_bibliography(folder)["koehler2017how"]
    assert (entry.type, entry.topic, entry.path, entry.line) == ("article", "deradicalisation", "bibliography/deradicalisation.bib", 3)
    assert entry.fields["journal"] == "Nature Human Behaviour"
    assert [str(person) for person in entry.persons["author"]] == ["Koehler, Daniel"]


def test_an_unclosed_entry_is_reported_and_the_entries_after_it_still_load(tmp_path):
    text = """@article{koehler2017how,
  author  = {Koehler, Daniel},
  title   = {How and Why We Should Take Deradicalization Seriously,
  journal = {Nature Human Behaviour},
  year    = {2017},
}

@book{marsden2017reintegrating,
  author    = {Marsden, Sarah V.},
  title     = {Reintegrating Extremists},
  publisher = {Palgrave Macmillan},
  year      = {2017},
}
"""
    folder = tmp_path / "bibliography"
    folder.mkdir()
    write(folder, "topic.bib", text)
    bibliography, problems = read_bibliography(folder)
    assert problems == [
        Problem(
            "bibliography/topic.bib", 1,
            "entry `koehler2017how` is not closed: reading it reached the next entry",
            "a closing `}` (or `\"`) is missing in this entry; check every field value and the entry's last line",
        )  # fmt: skip
    ]
    assert list(bibliography.entries) == ["marsden2017reintegrating"]


def test_an_unclosed_last_entry_reaches_the_end_of_the_file(tmp_path):
    problems = problems_in(tmp_path, "\n" + ARTICLE.rstrip("}\n") + "\n")
    assert fix_of(problems) == [
        ("bibliography/topic.bib", 2, "entry `koehler2017how` is not closed: reading it reached the end of the file")
    ]


def test_a_missing_comma_between_fields_is_reported_on_its_line(tmp_path):
    text = ARTICLE.replace("{Nature Human Behaviour},", "{Nature Human Behaviour}")
    problems = problems_in(tmp_path, text)
    assert problems == [
        Problem(
            "bibliography/topic.bib", 5,
            "cannot parse entry `koehler2017how`: '}' expected",
            "check the braces, quotes, `=` signs and the commas between fields around this line",
        )  # fmt: skip
    ]


def test_an_undefined_macro_is_reported(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("year    = {2017}", "year    = twentyseventeen"))
    assert fix_of(problems) == [
        (
            "bibliography/topic.bib", 5,
            "cannot parse entry `koehler2017how`: `twentyseventeen` is neither a number, a {braced} or \"quoted\" value, nor a defined @string",
        )
    ]  # fmt: skip


def test_duplicate_keys_within_and_across_files_name_both_places(tmp_path):
    folder = tmp_path / "bibliography"
    folder.mkdir()
    write(folder, "a.bib", ARTICLE + "\n" + ARTICLE)
    write(folder, "b.bib", "\n\n" + ARTICLE.replace("koehler2017how", "Koehler2017How"))
    problems = read_bibliography(folder)[1]
    assert fix_of(problems) == [
        ("bibliography/a.bib", 8, "duplicate key `koehler2017how`: also defined at bibliography/a.bib:1"),
        ("bibliography/b.bib", 3, "key `Koehler2017How` is not shaped like `authorYYYYword`"),
        ("bibliography/b.bib", 3, "duplicate key `Koehler2017How`: also defined at bibliography/a.bib:1"),
    ]
    assert problems[0].fix == "keep one entry and delete the other, or give one of them a different key"


@pytest.mark.parametrize(
    "key",
    ["wayout_project", "koehler2017", "2017koehler", "koehler17how", "koehler2017how2", "köhler2017how", "koehler2017-how"],
)
def test_keys_not_shaped_like_author_year_word_are_refused(tmp_path, key):
    problems = problems_in(tmp_path, ARTICLE.replace("koehler2017how", key))
    assert problems == [
        Problem(
            "bibliography/topic.bib", 1,
            f"key `{key}` is not shaped like `authorYYYYword`",
            "use the first author's surname in lowercase ASCII, the four-digit year (`nd` if the entry has no year) "
            "and one lowercase word from the title, e.g. `koehler2017understanding`",
        )  # fmt: skip
    ]


def test_the_year_in_the_key_must_match_the_entry(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("koehler2017how", "koehler2016how"))
    assert problems == [
        Problem(
            "bibliography/topic.bib", 1,
            "key `koehler2016how` says `2016` but the entry's year is `2017`",
            "make the key's year match: `koehler2017how`",
        )
    ]
    undated = "@misc{ran2019paper,\n  author = {{RAN}},\n  title = {Paper},\n  howpublished = {Online},\n}\n"
    (tmp_path / "other").mkdir()
    assert fix_of(problems_in(tmp_path / "other", undated, "undated.bib")) == [
        ("bibliography/undated.bib", 1, "key `ran2019paper` says `2019` but the entry's year is `none (n.d.)`")
    ]


@pytest.mark.parametrize(
    ("entry", "message", "needs"),
    [
        ("@article{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@article `smith2020word` has no `journal`", "author; title; journal; year"),
        ("@article{smithndword,\n  author = {Smith, Jo},\n  title = {T},\n  journal = {J},\n}\n",
         "@article `smithndword` has no `year`", "author; title; journal; year"),
        ("@book{smith2020word,\n  title = {T},\n  publisher = {P},\n  year = {2020},\n}\n",
         "@book `smith2020word` has no `author` or `editor`", "author or editor; title; publisher; year"),
        ("@book{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@book `smith2020word` has no `publisher`", "author or editor; title; publisher; year"),
        ("@incollection{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@incollection `smith2020word` has no `booktitle`", "author; title; booktitle; year"),
        ("@techreport{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@techreport `smith2020word` has no `institution`", "author or institution; title; institution"),
        ("@misc{smith2020word,\n  title = {T},\n  year = {2020},\n}\n",
         "@misc `smith2020word` has no `author` or `organization` or `editor` or `howpublished`",
         "title; author or organization or editor or howpublished"),
        ("@misc{smith2020word,\n  author = {Smith, Jo},\n  title = {},\n  year = {2020},\n}\n",
         "@misc `smith2020word` has no `title`", "title; author or organization or editor or howpublished"),
        ("@online{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@online `smith2020word` has no `url`", "title; url; author or organization"),
        ("@phdthesis{smith2020word,\n  author = {Smith, Jo},\n  title = {T},\n  year = {2020},\n}\n",
         "@phdthesis `smith2020word` has no `school`", "author; title; school; year"),
    ],
)  # fmt: skip
def test_missing_required_fields_are_named(tmp_path, entry, message, needs):
    entry_type = entry[1 : entry.index("{")]
    assert problems_in(tmp_path, entry) == [
        Problem(
            "bibliography/topic.bib", 1, message,
            f"add it from the source you checked (an @{entry_type} needs {needs}), or change the entry type",
        )  # fmt: skip
    ]


def test_reports_and_documents_may_be_undated_but_books_may_not(tmp_path):
    report = "@techreport{ranndpaper,\n  institution = {Radicalisation Awareness Network},\n  title = {Paper},\n}\n"
    document = "@misc{coendhandbook,\n  author = {{Council of Europe}},\n  title = {Handbook},\n}\n"
    assert problems_in(tmp_path, report + "\n" + document) == []
    book = "@book{smithndword,\n  author = {Smith, Jo},\n  title = {T},\n  publisher = {P},\n}\n"
    (tmp_path / "other").mkdir()
    assert fix_of(problems_in(tmp_path / "other", book, "books.bib")) == [
        ("bibliography/books.bib", 1, "@book `smithndword` has no `year`")
    ]


def test_a_year_that_is_not_four_digits_is_refused(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("{2017}", "{2017a}"))
    assert problems == [
        Problem(
            "bibliography/topic.bib", 1,
            "entry `koehler2017how` has the year `2017a`, which is not a four-digit year",
            "write the year of publication as four digits; leave `year` out only for an undated report, document or web page",
        )  # fmt: skip
    ]


def test_an_unsupported_entry_type_is_refused(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("@article", "@inbook"))
    assert problems == [
        Problem(
            "bibliography/topic.bib", 1,
            "entry `koehler2017how` has the type `@inbook`, which the site cannot format",
            "use one of @article, @book, @incollection, @inproceedings, @phdthesis, @mastersthesis, "
            "@techreport, @report, @misc, @online",
        )  # fmt: skip
    ]


def test_a_field_given_twice_is_refused(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("  year    = {2017},\n", "  year    = {2017},\n  Year = {2018},\n"))
    assert problems == [
        Problem("bibliography/topic.bib", 1, "entry `koehler2017how` has the field `year` twice", "keep one `year` and delete the other")
    ]


def test_latex_that_would_not_render_is_refused(tmp_path):
    text = ARTICLE.replace("How and Why", r"\emph{How} and 50% Why")
    problems = problems_in(tmp_path, text)
    assert fix_of(problems) == [
        (
            "bibliography/topic.bib", 1,
            "field `title` of `koehler2017how`: an unescaped `%` starts a LaTeX comment and hides the rest of the value; write `\\%`",
        ),
        (
            "bibliography/topic.bib", 1,
            "field `title` of `koehler2017how`: LaTeX command `\\emph` cannot be shown on the web; type the character itself (UTF-8)",
        ),
    ]  # fmt: skip


def test_a_name_pybtex_cannot_read_is_refused(tmp_path):
    problems = problems_in(tmp_path, ARTICLE.replace("Koehler, Daniel", "Koehler, Daniel, Jr., Extra"))
    assert len(problems) == 1
    assert problems[0].line == 1
    assert problems[0].message.startswith("field `author` of `koehler2017how` has a name pybtex cannot read: ")
    assert problems[0].fix == "write each name as `Surname, Given Names` and separate names with ` and `"


def test_all_problems_of_all_files_come_at_once(tmp_path):
    folder = tmp_path / "bibliography"
    folder.mkdir()
    write(folder, "a.bib", ARTICLE.replace("koehler2017how", "bad_key"))
    write(folder, "b.bib", "@book{smith2020word,\n  title = {T},\n  year = {2020},\n}\n")
    with pytest.raises(ProblemsFound) as raised:
        load_bibliography(folder)
    assert [(problem.path, problem.line) for problem in raised.value.problems] == [
        ("bibliography/a.bib", 1),
        ("bibliography/b.bib", 1),
        ("bibliography/b.bib", 1),
    ]
    assert str(raised.value).startswith("3 problems found:\n  bibliography/a.bib:1: key `bad_key`")


def test_string_macros_and_month_abbreviations_are_understood(tmp_path):
    folder = tmp_path / "bibliography"
    folder.mkdir()
    write(folder, "a.bib", '@string{nhb = "Nature Human Behaviour"}\n\n' + ARTICLE.replace("{Nature Human Behaviour}", "nhb").replace("  year", "  month = mar,\n  year"))
    entry = load_bibliography(folder)["koehler2017how"]
    assert (entry.fields["journal"], entry.fields["month"], entry.line) == ("Nature Human Behaviour", "March", 3)


def test_the_fingerprint_changes_when_a_file_changes(tmp_path):
    folder = tmp_path / "bibliography"
    folder.mkdir()
    path = write(folder, "a.bib", ARTICLE)
    before = source_fingerprint(folder)
    assert source_fingerprint(folder) == before
    path.write_text(ARTICLE.replace("2017}", "2017} "), "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert source_fingerprint(folder) != before


def test_an_at_sign_in_text_between_entries_is_reported_on_its_own_line(tmp_path):
    problems = problems_in(tmp_path, ARTICLE + "\nContact: someone@example.org\n")
    assert problems == [
        Problem(
            "bibliography/topic.bib", 8,
            "an `@` outside any entry starts what BibTeX reads as a new entry",
            "start comment lines with `%`, or remove the text between entries",
        )  # fmt: skip
    ]


def test_parenthesised_entries_comments_preambles_and_a_byte_order_mark(tmp_path):
    text = (
        "\ufeff@article(koehler2017how,\r\n  author = {Koehler, Daniel},\r\n  title = {T},\r\n"
        "  journal = {J},\r\n  year = 2017\r\n)\r\n\r\n@comment{ignore @this}\r\n@preamble{\"x\"}\r\n"
        "@misc{ranndpaper,\r\n  author = {{RAN}}, title = {P}, howpublished = {Leaflet}}\r\n"
    )
    folder = tmp_path / "bibliography"
    folder.mkdir()
    (folder / "topic.bib").write_bytes(text.encode("utf-8"))
    bibliography, problems = read_bibliography(folder)
    assert problems == []
    assert [(entry.key, entry.line) for entry in bibliography.entries.values()] == [("koehler2017how", 1), ("ranndpaper", 10)]
