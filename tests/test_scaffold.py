"""`wayout new`: a page of each type in its folder, with a unique slug, whose every gap the checker reports."""

from __future__ import annotations

from datetime import date

import pytest

from wayout.cli import main
from wayout.frontmatter import parse_front_matter
from wayout.pages import check_page
from wayout.scaffold import TEMPLATES, scaffold, slug_for

# Fields whose schema needs the contributor's own input (bibliography keys): the template cannot
# fill them validly, so the checker names them along with the TODOs.
NEEDS_INPUT = {"programme": ["`sources`"], "evidence": ["`key_studies`"], "review": [], "module": [], "factsheet": []}


def test_a_title_becomes_an_ascii_slug():
    assert slug_for("Exit Programme “Ausstieg”, Wallonie (Belgique)") == "exit-programme-ausstieg-wallonie-belgique"


@pytest.mark.parametrize("page_type", sorted(TEMPLATES))
def test_each_type_is_scaffolded_in_its_folder_and_every_gap_is_reported(tmp_path, page_type):
    made = scaffold(page_type, "A new page", tmp_path / "docs", today=date(2026, 11, 27))
    assert made.path == tmp_path / "docs" / "en" / TEMPLATES[page_type][0] / "a-new-page.md"
    text = made.path.read_text("utf-8")
    front, problems = parse_front_matter(text, "new.md")
    assert problems == [] and front.data["type"] == page_type and front.data["title"] == "A new page"
    assert text.count("\n# A new page\n") == 1
    reported = check_page(text, "new.md")
    todo_lines = {number for number, line in enumerate(text.splitlines(), start=1) if "TODO" in line}
    flagged = {problem.line for problem in reported if "unfilled template text" in problem.message}
    assert todo_lines and todo_lines == flagged  # every TODO line, and nothing else, as a leftover
    other = [problem.message for problem in reported if "unfilled template text" not in problem.message]
    for field_name in NEEDS_INPUT[page_type]:
        assert any(message.startswith(field_name) for message in other), other
    schema_problems = [message for message in other if "schema" in message]
    assert all(any(message.startswith(name) for name in NEEDS_INPUT[page_type]) for message in schema_problems), schema_problems


def test_a_second_page_with_the_same_title_gets_its_own_slug(tmp_path):
    first = scaffold("factsheet", "Same title", tmp_path / "docs")
    second = scaffold("factsheet", "Same title", tmp_path / "docs")
    assert (first.slug, second.slug) == ("same-title", "same-title-2")
    assert first.path.read_text("utf-8") != "" and second.path.is_file()


@pytest.mark.parametrize(("title", "reason"), [
    ("   ", "the title is empty"),
    ('A "quoted" title', "the title contains a double quote"),
    ("Σχέδιο", "has no letters or digits to make a file name from"),
])  # fmt: skip
def test_a_title_that_cannot_work_is_refused_with_a_reason(tmp_path, capsys, title, reason):
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n")
    assert main(["new", "factsheet", title, "--root", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ") and reason in error and "Traceback" not in error
    assert not (tmp_path / "docs").exists() or not any((tmp_path / "docs").rglob("*.md"))


def test_the_command_prints_where_the_page_is_and_what_to_do_next(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n")
    assert main(["new", "programme", "Exit Example", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Created docs/en/programmes/exit-example.md" in out and "replace every TODO" in out
