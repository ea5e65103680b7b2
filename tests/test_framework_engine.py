"""Each boundary of each rule of rules.yml, through the Python engine."""

from __future__ import annotations

import pytest

from wayout.framework.engine import rate
from wayout.framework.practice import practice_profile
from wayout.framework.rules import load_practice, load_rules

YEAR = 2026


def finding(study: str, level: int, result: str = "favourable", significant: bool = True, follow_up: int | None = 12, outcome: str = "reoffending", **extra) -> dict:
    data = {"study": study, "design_level": level, "outcome": outcome, "result": result, "significant": significant,
            "independent": True, "source": "someone2020study", **extra}
    if follow_up is not None:
        data["follow_up_months"] = follow_up
    return data


def rating(*findings: dict) -> str:
    return rate(list(findings), YEAR, outcomes=["reoffending"]).outcomes[0].rating


def test_no_evaluation_is_not_yet_evaluated():
    result = rate([], YEAR, outcomes=["reoffending"])
    assert result.outcomes[0].rating == "not-yet-evaluated" and result.headline == "not-yet-evaluated"
    assert rate([], YEAR).headline == "not-yet-evaluated"


@pytest.mark.parametrize("level,expected", [(2, "insufficient-evidence"), (3, "possibly-harmful")])
def test_harm_counts_from_level_3(level, expected):
    assert rating(finding("a", level, result="unfavourable")) == expected


def test_non_significant_harm_is_not_possibly_harmful():
    assert rating(finding("a", 4, result="unfavourable", significant=False)) != "possibly-harmful"


def test_harm_outranks_favourable_studies():
    assert rating(finding("a", 5), finding("b", 5), finding("c", 3, result="unfavourable")) == "possibly-harmful"


def test_effective_needs_two_level_4_studies():
    assert rating(finding("a", 4), finding("b", 4)) == "effective"
    assert rating(finding("a", 4)) == "promising"
    assert rating(finding("a", 4), finding("a", 4, outcome="reoffending")) == "promising", "one sample counts once"


def test_effective_needs_12_months_follow_up():
    assert rating(finding("a", 4, follow_up=11), finding("b", 4)) == "promising"
    assert rating(finding("a", 4, follow_up=None), finding("b", 4)) == "promising"


def test_effective_through_one_level_5_and_one_level_3():
    assert rating(finding("a", 5), finding("b", 3)) == "effective"
    assert rating(finding("a", 5), finding("b", 2)) == "promising"


def test_effective_needs_significance():
    assert rating(finding("a", 4), finding("b", 4, significant=False)) == "promising"


def test_promising_boundaries():
    assert rating(finding("a", 3), finding("b", 3)) == "promising"
    assert rating(finding("a", 3)) == "insufficient-evidence"
    assert rating(finding("a", 3), finding("b", 2)) == "insufficient-evidence"


def test_no_effect_needs_most_level_3_results_without_effect():
    assert rating(finding("a", 3, result="no-effect", significant=False), finding("b", 4, result="no-effect", significant=False)) == "no-effect"
    half = rating(finding("a", 3, result="no-effect", significant=False), finding("b", 3, result="mixed", significant=False))
    assert half == "insufficient-evidence", "exactly half is not most"
    assert rating(finding("a", 2, result="no-effect", significant=False)) == "insufficient-evidence", "levels 1-2 do not count"


def test_only_low_levels_is_insufficient_evidence():
    assert rating(finding("a", 1), finding("b", 2)) == "insufficient-evidence"


def test_trace_lists_each_rule_down_to_the_one_that_applied():
    outcome = rate([finding("a", 4)], YEAR).outcomes[0]
    assert outcome.trace == (("not-yet-evaluated", False), ("possibly-harmful", False), ("effective", False), ("promising", True))


@pytest.mark.parametrize(
    "findings,strength",
    [
        ([], 0),
        ([finding("a", 1)], 1),
        ([finding("a", 2)], 1),
        ([finding("a", 3)], 2),
        ([finding("a", 4)], 3),
        ([finding("a", 5)], 4),
        ([finding("a", 5), finding("b", 3), finding("c", 3)], 5),
        ([finding("a", 4), finding("b", 3), finding("c", 3)], 4),
        ([finding("a", 5), finding("b", 4), finding("c", 3), finding("d", 3), finding("e", 3)], 5),
    ],
)
def test_strength_from_highest_level_and_number_of_studies(findings, strength):
    assert rate(findings, YEAR, outcomes=["reoffending"]).outcomes[0].strength == strength


def test_strength_drops_when_results_disagree():
    agree = [finding("a", 4), finding("b", 3), finding("c", 3), finding("d", 3, result="no-effect", significant=False)]
    disagree = agree + [finding("e", 3, result="no-effect", significant=False)]
    assert rate(agree, YEAR).outcomes[0].strength == 4  # 1 of 4 differs: exactly a quarter
    assert rate(disagree, YEAR).outcomes[0].strength == 3  # 2 of 5 differ


def test_strength_drops_when_the_newest_study_is_old():
    assert rate([finding("a", 4, year=2016)], YEAR).outcomes[0].strength == 3  # 10 years: not more than 10
    assert rate([finding("a", 4, year=2015)], YEAR).outcomes[0].strength == 2
    old_key = finding("a", 4)
    old_key["source"] = "someone2001study"
    assert rate([old_key], YEAR).outcomes[0].strength == 2, "the year comes from the source key"


def test_strength_never_below_zero():
    assert rate([finding("a", 1, year=1990)], YEAR).outcomes[0].strength == 0


def test_multi_study_marker_needs_two_studies_at_level_3():
    assert rate([finding("a", 3), finding("b", 3)], YEAR).outcomes[0].multi_study
    assert not rate([finding("a", 3), finding("b", 2)], YEAR).outcomes[0].multi_study


def test_headline_warns_first_then_reports_the_best_supported_rating():
    harmful_and_effective = [finding("a", 4), finding("b", 4), finding("c", 3, result="unfavourable", outcome="attitudes")]
    assert rate(harmful_and_effective, YEAR).headline == "possibly-harmful"
    assert rate([finding("a", 4), finding("b", 1, outcome="attitudes")], YEAR).headline == "promising"


def test_implementation_findings_are_not_rated_but_inform_emmie():
    result = rate([finding("a", 2, outcome="implementation", emmie=["implementation", "mechanism"])], YEAR)
    assert result.outcomes == () and result.headline == "not-yet-evaluated"
    assert result.emmie == {"effect": 0, "mechanism": 1, "moderators": 0, "implementation": 1, "economic": 0}


@pytest.mark.parametrize(
    "findings,score",
    [
        ([], 0),
        ([finding("a", 2)], 1),
        ([finding("a", 3)], 2),
        ([finding("a", 4), finding("b", 4)], 3),
        ([finding("a", 4)], 2),
        ([finding("a", 1, systematic_review=True)], 4),
    ],
)
def test_emmie_effect_levels(findings, score):
    assert rate(findings, YEAR).emmie["effect"] == score


def test_practice_levels_by_share_of_points():
    practice = load_practice()
    theory = [question["id"] for question in practice["dimensions"][0]["questions"]]
    assert practice_profile({theory[0]: "yes", theory[1]: "yes", theory[2]: "no"})["dimensions"]["theory"]["level"] == "developing"  # 4/6
    assert practice_profile({theory[0]: "yes", theory[1]: "yes", theory[2]: "partly"})["dimensions"]["theory"]["level"] == "strong"  # 5/6
    assert practice_profile({theory[0]: "partly", theory[1]: "no", theory[2]: "no"})["dimensions"]["theory"]["level"] == "weak"  # 1/6
    everything = {question["id"]: "yes" for dimension in practice["dimensions"] for question in dimension["questions"]}
    assert practice_profile(everything)["overall"] == "strong"
    assert practice_profile({})["overall"] == "weak"


def test_every_rules_text_exists_in_every_language():
    rules, practice = load_rules(), load_practice()
    languages = ["en", "fr", "de", "nl", "pt"]
    texts = [rule[part] for rule in rules["effectiveness"] for part in ("label", "requires")]
    texts += list(rules["design_levels"].values()) + [rules["strength"]["label"], rules["strength"]["base_reason"], rules["multi_study"]["label"]]
    texts += [adjustment["reason"] for adjustment in rules["strength"]["adjustments"]]
    texts += list(rules["emmie"]["dimensions"].values()) + [level["reason"] for level in rules["emmie"]["levels"]]
    texts += [item["label"] for item in practice["answers"] + practice["levels"] + practice["dimensions"]]
    texts += [question["text"] for dimension in practice["dimensions"] for question in dimension["questions"]]
    for text in texts:
        assert all(text.get(language) for language in languages), text
