"""check_pages keeps each page's problems between two checks (`mkdocs serve` checks every page
before each rebuild): a page, or a translation's English page, that changed is checked again."""

from __future__ import annotations

from wayout.pages import check_pages

ENGLISH = "---\ntype: page\ntitle: Exit work\n---\n\n# Exit work\n\nSee [the cards](cards.md).\n"
FRENCH = ("---\ntype: page\ntitle: Le travail de sortie\ntranslation:\n  source_hash: e50b55716f94\n---\n\n"
          "# Le travail de sortie\n\nVoir [les fiches](cards.md).\n")


def site(tmp_path):
    for language, text in (("en", ENGLISH), ("fr", FRENCH)):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "exit.md").write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def messages(docs) -> list[str]:
    return [f"{problem.path}:{problem.line}: {problem.message}" for problem in check_pages(docs, docs.parent, "en")]


def test_an_edited_page_is_checked_again_and_a_fixed_one_is_clean_again(tmp_path):
    docs = site(tmp_path)
    assert messages(docs) == []
    page = docs / "en" / "exit.md"
    page.write_text(ENGLISH.replace("title: Exit work\n", ""), encoding="utf-8")
    assert messages(docs) == ["docs/en/exit.md:1: the required field `title` is missing"]
    page.write_text(ENGLISH, encoding="utf-8")
    assert messages(docs) == []


def test_a_translation_is_compared_again_when_its_english_page_changes(tmp_path):
    docs = site(tmp_path)
    assert messages(docs) == []
    (docs / "en" / "exit.md").write_text(ENGLISH.replace("(cards.md)", "(cards/index.md)"), encoding="utf-8")
    assert messages(docs) == [
        "docs/fr/exit.md:8: the link target `cards/index.md` of docs/en/exit.md is missing",
        "docs/fr/exit.md:10: the link target `cards.md` is not in docs/en/exit.md",
    ]
