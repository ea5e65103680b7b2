"""Programme and evidence front matter: schema, vocabularies and bibliography keys, with their lines."""

from __future__ import annotations

import json

from citation_fixtures import write_bibliography
from framework_fixtures import CARD, PROGRAMME
from wayout.bibliography.check import front_matter_key_problems
from wayout.bibliography.sources import load_bibliography
from wayout.pages import check_page
from wayout.schemas import page_types, schema_for
from wayout.vocabularies import load_vocabularies

from site_pages import languages


def problems(text: str) -> list[str]:
    return [str(problem) for problem in check_page(text, "p.md")]


def test_fixture_pages_are_valid():
    assert problems(PROGRAMME) == [] and problems(CARD) == []
    assert set(page_types()) >= {"page", "programme", "evidence"}


def test_value_outside_a_vocabulary_names_the_vocabulary_and_line():
    text = PROGRAMME.replace('country: "NO"', "country: Norway").replace("settings: [prison, through-the-gate]", "settings: [jail]")
    result = problems(text)
    assert result[0].startswith("p.md:8: `country` is 'Norway', which is not allowed — use one of (the `countries` list in scripts/wayout/data/vocabularies.yml): AT, AU,")
    assert result[1] == ("p.md:10: `settings.0` is 'jail', which is not allowed — use one of (the `settings` list in "
                         "scripts/wayout/data/vocabularies.yml): prison, probation, through-the-gate, community")


def test_unknown_keys_are_errors_at_any_depth():
    text = PROGRAMME.replace("status: active", "status: active\nbudget: 100").replace("    source: horgan2010rehabilitating", "    source: horgan2010rehabilitating\n    colour: red")
    assert problems(text) == [
        "p.md:12: unknown field `budget` for a page of type `programme` — remove it or use one of: "
        + ", ".join(sorted(schema_for("programme")["properties"])),
        "p.md:29: unknown field `colour` in `evaluations.0` — remove it or use one of: "
        + ", ".join(sorted(schema_for("evaluation")["properties"])),
    ]


def test_evaluation_values_are_checked():
    text = PROGRAMME.replace("design_level: 4", "design_level: 6").replace("result: favourable", "result: good")
    result = problems(text)
    assert "p.md:20: `evaluations.0.design_level`: 6 is greater than the maximum of 5" in result[0]
    assert result[1].startswith("p.md:23: `evaluations.0.result` is 'good', which is not allowed")


def test_missing_required_fields():
    text = PROGRAMME.replace("last_reviewed: 2026-11-26\n", "")
    assert any("the required field `last_reviewed` is missing" in problem for problem in problems(text))


def test_norway_is_a_country_not_a_boolean():
    assert problems(PROGRAMME.replace('country: "NO"', "country: NO")) == []


def test_bibliography_keys_in_front_matter_must_exist(tmp_path):
    bibliography = load_bibliography(write_bibliography(tmp_path / "bibliography"))
    text = PROGRAMME.replace("source: horgan2010rehabilitating", "source: horgan2010rehab").replace(
        "sources: [koehler2017understanding]", "sources: [nobody2020nothing]"
    )
    assert [str(problem) for problem in front_matter_key_problems(text, bibliography, "p.md")] == [
        "p.md:37: unknown bibliography key `nobody2020nothing` in `sources` — add the work to a file in bibliography/",
        "p.md:27: unknown bibliography key `horgan2010rehab` in `evaluations` — did you mean `horgan2010rehabilitating`?",
    ]


def test_every_vocabulary_value_has_a_label_in_every_site_language():
    codes = [language["locale"] for language in languages()]
    assert load_vocabularies().missing_labels(codes) == []


def test_published_schemas_carry_the_vocabularies_as_enums():
    schema = json.loads(json.dumps(schema_for("programme")))
    assert schema["$defs"]["settings"]["enum"] == ["prison", "probation", "through-the-gate", "community"]
    assert "no-effect" in schema_for("evaluation")["$defs"]["results"]["enum"]
