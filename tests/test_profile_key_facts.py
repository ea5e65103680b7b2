"""A profile's key facts name the language of a programme's names when it is not the page's, so
that a screen reader reads "Mentorordningen i kriminalomsorgen" in Norwegian on an English page."""

from __future__ import annotations

from pathlib import Path

from framework_fixtures import PROGRAMME

from wayout.bibliography.langids import LANGUAGE_TAGS
from wayout.framework.views import Labels, key_facts
from wayout.frontmatter import parse_front_matter
from wayout.pages import check_page
from wayout.schemas import schema_for


def front(text: str) -> dict:
    parsed, problems = parse_front_matter(text, "p.md")
    assert parsed is not None and problems == []
    return parsed.data


def names_facts(data: dict, language: str) -> dict[str, str | None]:
    facts = key_facts(data, Labels(language))
    labels = {Labels(language).ui("field.names_original"): "original", Labels(language).ui("field.names_english"): "english"}
    return {labels[fact["label"]]: fact["language"] for fact in facts if fact["label"] in labels}


FRENCH_NAME = PROGRAMME.replace("  original: Programme fictif\n", "  original: Programme fictif\n  language: fr\n")


def test_an_original_name_in_another_language_is_marked_with_it():
    assert names_facts(front(FRENCH_NAME), "en") == {"original": "fr", "english": None}


def test_an_original_name_in_the_pages_language_and_an_english_name_elsewhere():
    assert names_facts(front(FRENCH_NAME), "fr") == {"original": None, "english": "en"}
    assert names_facts(front(FRENCH_NAME), "pt") == {"original": "fr", "english": "en"}


def test_a_name_of_no_one_language_is_not_marked():
    assert names_facts(front(PROGRAMME), "de") == {"original": None, "english": "en"}


def test_the_language_of_a_name_is_a_language_tag():
    problems = [str(problem) for problem in check_page(FRENCH_NAME.replace("language: fr", "language: french"), "p.md")]
    assert problems and problems[0].startswith("p.md:7: `names.language` is 'french', which is not allowed — use one of: bg, cs, da, de,")


def test_every_real_profile_with_a_name_in_a_language_says_which():
    profiles = sorted((Path(__file__).resolve().parents[1] / "docs" / "en" / "programmes").glob("*.md"))
    undeclared = [path.name for path in profiles
                  if "names:" in (text := path.read_text("utf-8")) and "  language:" not in text.split("\n---", 1)[0]]
    assert undeclared == ["derad-austria.md", "moussalaha-morocco.md"]  # an acronym and a transliterated word


def test_a_name_may_be_in_any_language_a_reference_may_be_in():
    allowed = schema_for("programme")["properties"]["names"]["properties"]["language"]["enum"]
    assert sorted(allowed) == sorted(set(LANGUAGE_TAGS.values()))
