"""The browser engine (framework.js) and the Python engine give identical results on the same
answer sets, and the self-assessment page computes its result with the rules the site rates with."""

from __future__ import annotations

import datetime
import json
import random

import pytest

from wayout.framework.engine import rate
from wayout.framework.practice import practice_profile
from wayout.framework.rules import load_practice, load_rules

OUTCOMES = ["reoffending", "violent-reoffending", "disengagement", "attitudes", "implementation"]
RESULTS = ["favourable", "no-effect", "mixed", "unfavourable"]
DIMENSIONS = ["effect", "mechanism", "moderators", "implementation", "economic"]


def random_findings(rng: random.Random) -> list[dict]:
    findings = []
    for _ in range(rng.randint(0, 7)):
        finding = {
            "study": rng.choice(["A", "B", "C", "D", "E"]),
            "design_level": rng.randint(1, 5),
            "outcome": rng.choice(OUTCOMES),
            "result": rng.choice(RESULTS),
            "significant": rng.random() < 0.6,
            "independent": rng.random() < 0.5,
            "source": rng.choice(["smith2004study", "jones2019study", "lee2023study"]),
        }
        if rng.random() < 0.7:
            finding["follow_up_months"] = rng.choice([0, 6, 11, 12, 24, 36])
        if rng.random() < 0.5:
            finding["year"] = rng.choice([2001, 2010, 2015, 2016, 2022])
        if rng.random() < 0.15:
            finding["systematic_review"] = True
        if rng.random() < 0.4:
            finding["emmie"] = rng.sample(DIMENSIONS, rng.randint(1, 3))
        findings.append(finding)
    return findings


def boundary_sets() -> list[list[dict]]:
    def f(study, level, result="favourable", significant=True, follow_up=12, outcome="reoffending"):
        return {"study": study, "design_level": level, "outcome": outcome, "result": result, "significant": significant,
                "independent": True, "follow_up_months": follow_up, "source": "x2020y"}
    return [
        [],
        [f("a", 4), f("b", 4)],
        [f("a", 4, follow_up=11), f("b", 4)],
        [f("a", 5), f("b", 3)],
        [f("a", 3), f("b", 3)],
        [f("a", 3, result="unfavourable")],
        [f("a", 3, result="no-effect", significant=False), f("b", 3, result="mixed", significant=False)],
        [f("a", 3, result="no-effect", significant=False), f("b", 4, result="no-effect", significant=False)],
        [f("a", 2, outcome="implementation")],
    ]


ANSWER_SETS = boundary_sets() + [random_findings(random.Random(seed)) for seed in range(40)]


@pytest.fixture
def assessment_page(browser_page, site_server):
    response = browser_page.goto(f"{site_server.origin}/framework/self-assessment/")
    assert response.status == 200
    browser_page.wait_for_load_state("networkidle")
    return browser_page


def test_the_page_embeds_the_rules_the_site_rates_with(assessment_page):
    embedded = assessment_page.evaluate("JSON.parse(document.querySelector('[data-self-assessment-data]').textContent)")
    assert embedded["rules"] == load_rules()
    assert embedded["practice"] == load_practice()


@pytest.mark.parametrize("year", [2026, 2031])
def test_browser_and_python_rate_every_answer_set_alike(assessment_page, year):
    assert len(ANSWER_SETS) >= 20
    script = """([sets, year]) => {
        const rules = JSON.parse(document.querySelector('[data-self-assessment-data]').textContent).rules;
        return sets.map(([findings, outcomes]) => WayOutFramework.rate(findings, year, outcomes, rules));
    }"""
    cases = [(findings, ["attitudes"] if index % 3 == 0 else []) for index, findings in enumerate(ANSWER_SETS)]
    browser = assessment_page.evaluate(script, [cases, year])
    python = [json.loads(json.dumps(rate(findings, year, outcomes=outcomes).as_data())) for findings, outcomes in cases]
    assert len({result["headline"] for result in python}) >= 4, "the answer sets should reach several ratings"
    for index, (expected, actual) in enumerate(zip(python, browser)):
        assert actual == expected, f"answer set {index}: {cases[index]}"


def test_browser_and_python_practice_profiles_agree(assessment_page):
    practice = load_practice()
    questions = [question["id"] for dimension in practice["dimensions"] for question in dimension["questions"]]
    rng = random.Random(3)
    answer_sets = [{question: rng.choice(["yes", "partly", "no"]) for question in questions if rng.random() < 0.9} for _ in range(25)]
    browser = assessment_page.evaluate(
        """(sets) => {
            const practice = JSON.parse(document.querySelector('[data-self-assessment-data]').textContent).practice;
            return sets.map((answers) => WayOutFramework.practiceProfile(answers, practice));
        }""",
        answer_sets,
    )
    assert browser == [practice_profile(answers) for answers in answer_sets]
    assert len({profile["overall"] for profile in browser}) >= 2


def test_the_form_gives_the_python_rating(assessment_page):
    """A person fills in the form; the page shows what the Python engine computes for the same input."""
    page = assessment_page
    entries = [("4", "reoffending", "favourable", True), ("4", "reoffending", "favourable", True)]
    for number, (level, outcome, result, significant) in enumerate(entries, start=1):
        page.click("[data-add-finding]")
        prefix = f"#sa-finding-{number}-"
        page.fill(prefix + "study", f"Study {number}")
        page.select_option(prefix + "level", level)
        page.select_option(prefix + "outcome", outcome)
        page.select_option(prefix + "result", result)
        if significant:
            page.check(prefix + "significant")
        page.fill(prefix + "follow-up", "24")
    page.check("input[name=theory-written][value=yes]")
    page.check("input[name=theory-evidence][value=partly]")
    page.click("[data-self-assessment-form] button[type=submit]")
    headline = page.get_attribute("[data-headline]", "data-headline")
    findings = [
        {"study": f"Study {n}", "design_level": int(level), "outcome": outcome, "result": result,
         "significant": significant, "independent": False, "follow_up_months": 24}
        for n, (level, outcome, result, significant) in enumerate(entries, start=1)
    ]
    assert headline == rate(findings, datetime.date.today().year).headline == "effective"
    assert page.evaluate("document.activeElement.id") == "sa-result"
    practice_rows = page.locator("[data-result-output] table").last.inner_text()
    assert "3 / 6" in practice_rows  # yes (2) + partly (1) on programme theory
    assert page.request_log.problems() == []
