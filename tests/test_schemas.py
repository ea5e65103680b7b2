from wayout.frontmatter import parse_front_matter
from wayout.pages import check_page, check_pages
from wayout.schemas import page_types


def problems_of(text: str) -> list[str]:
    return [str(problem) for problem in check_page(text, "p.md")]


def test_a_valid_page_has_no_problems():
    assert problems_of("---\ntype: page\ntitle: About\nsummary: Short.\n---\n") == []


def test_page_type_is_known():
    assert "page" in page_types()


def test_unknown_type():
    assert problems_of("---\ntype: pamphlet\ntitle: X\n---\n") == [
        f"p.md:2: unknown page type `pamphlet` — use one of: {', '.join(page_types())}"
    ]


def test_missing_type_and_title():
    assert problems_of("---\nsummary: x\n---\n")[0].startswith("p.md:1: the front matter has no `type`")
    assert problems_of("---\ntype: page\n---\n") == [
        "p.md:1: the required field `title` is missing — "
        "add `title:` to the front matter (see scripts/wayout/data/schemas/page.schema.json)"
    ]


def test_unknown_fields_are_errors_with_their_line():
    assert problems_of("---\ntype: page\ntitle: X\nauthr: me\n---\n") == [
        "p.md:4: unknown field `authr` for a page of type `page` — remove it or use one of: hide, summary, title, translation, type"
    ]


def test_enum_values_point_at_the_item():
    result = problems_of("---\ntype: page\ntitle: X\nhide:\n  - toc\n  - sidebar\n---\n")
    assert result == ["p.md:6: `hide.1` is 'sidebar', which is not allowed — use one of: navigation, toc, footer, path, tags"]


def test_wrong_type_of_value():
    assert problems_of("---\ntype: page\ntitle: 42\n---\n") == [
        "p.md:3: `title`: 42 is not of type 'string' — correct the value as scripts/wayout/data/schemas/page.schema.json describes"
    ]


def test_every_problem_in_every_file_is_listed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "a.md").write_text("---\ntype: page\n---\n")
    (docs / "en" / "b.md").write_text("no front matter\n")
    (docs / "en" / "c.md").write_text("---\ntype: page\ntitle: C\nextra: 1\nhide: [x]\n---\n")
    problems = check_pages(docs, tmp_path)
    assert [(p.path, p.line) for p in problems] == [
        ("docs/en/a.md", 1),
        ("docs/en/b.md", 1),
        ("docs/en/c.md", 4),
        ("docs/en/c.md", 5),
    ]


def test_non_utf8_file_is_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    problems = check_pages(tmp_path / "docs", tmp_path)
    assert len(problems) == 1 and problems[0].message.startswith("the file is not UTF-8")
