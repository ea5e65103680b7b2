from wayout.frontmatter import parse_front_matter


def test_reads_fields_and_the_line_of_each_key():
    front, problems = parse_front_matter("---\ntype: page\ntitle: About\nhide:\n  - toc\n---\n# About\n", "a.md")
    assert problems == []
    assert front.data == {"type": "page", "title": "About", "hide": ["toc"]}
    assert front.line_of(("title",)) == 3
    assert front.line_of(("hide", 0)) == 5
    assert front.body_line == 7


def test_dates_stay_strings():
    front, _ = parse_front_matter("---\nlast_reviewed: 2024-05-01\n---\n", "a.md")
    assert front.data["last_reviewed"] == "2024-05-01"


def test_missing_front_matter_points_at_line_one():
    front, problems = parse_front_matter("# Title\n", "docs/en/a.md")
    assert front is None
    assert [str(p) for p in problems] == [
        "docs/en/a.md:1: the page has no YAML front matter — "
        "start the file with a line `---`, then `type:` and `title:`, then a closing `---`"
    ]


def test_unclosed_front_matter():
    _, problems = parse_front_matter("---\ntype: page\n", "a.md")
    assert problems[0].message == "the front matter is never closed"


def test_yaml_syntax_error_points_at_its_line():
    _, problems = parse_front_matter("---\ntype: page\ntitle: [unclosed\nsummary: x\n---\n", "a.md")
    assert len(problems) == 1
    assert problems[0].line in (3, 4)
    assert problems[0].message.startswith("the front matter is not valid YAML")


def test_duplicate_keys_are_reported_not_silently_merged():
    _, problems = parse_front_matter("---\ntype: page\ntitle: A\ntitle: B\n---\n", "a.md")
    assert [(p.line, p.message) for p in problems] == [
        (4, "the key `title` appears twice (first on line 3)")
    ]


def test_front_matter_must_be_a_mapping():
    front, problems = parse_front_matter("---\n- a\n- b\n---\n", "a.md")
    assert front is None and problems[0].message == "the front matter is not a set of `key: value` fields"
