"""The rating engine: effectiveness per outcome, strength of evidence, multi-study marker and EMMIE.

It interprets the conditions of rules.yml exactly as overrides/assets/javascripts/framework.js does;
tests run both on the same answer sets and require identical results. Results are plain data (ids,
numbers, booleans), so that they can be compared, published as open data and shown in any language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wayout.framework.rules import load_rules

_KEY_YEAR = re.compile(r"^[a-z]+(\d{4})")


@dataclass(frozen=True)
class Finding:
    study: str
    design_level: int
    outcome: str
    result: str
    significant: bool
    independent: bool
    follow_up_months: int | None = None
    year: int | None = None
    systematic_review: bool = False
    emmie: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: dict) -> "Finding":
        year = data.get("year")
        if year is None and (match := _KEY_YEAR.match(data.get("source", ""))):
            year = int(match.group(1))  # the year in an authorYYYYword key
        return cls(
            study=data["study"],
            design_level=int(data["design_level"]),
            outcome=data["outcome"],
            result=data["result"],
            significant=bool(data["significant"]),
            independent=bool(data["independent"]),
            follow_up_months=data.get("follow_up_months"),
            year=year,
            systematic_review=bool(data.get("systematic_review", False)),
            emmie=tuple(data.get("emmie", ())),
        )


def matches(finding: Finding, conditions: dict) -> bool:
    if "min_level" in conditions and finding.design_level < conditions["min_level"]:
        return False
    if "max_level" in conditions and finding.design_level > conditions["max_level"]:
        return False
    if "results" in conditions and finding.result not in conditions["results"]:
        return False
    if "significant" in conditions and finding.significant != conditions["significant"]:
        return False
    if "independent" in conditions and finding.independent != conditions["independent"]:
        return False
    if "systematic_review" in conditions and finding.systematic_review != conditions["systematic_review"]:
        return False
    if "min_follow_up" in conditions and (finding.follow_up_months or 0) < conditions["min_follow_up"]:
        return False
    return True


def holds(condition: dict, findings: list[Finding], reference_year: int) -> bool:
    if "all" in condition:
        return all(holds(part, findings, reference_year) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, findings, reference_year) for part in condition["any"])
    if "count" in condition:
        studies = {finding.study for finding in findings if matches(finding, condition["count"])}
        if "at_least" in condition and len(studies) < condition["at_least"]:
            return False
        if "at_most" in condition and len(studies) > condition["at_most"]:
            return False
        return True
    if "share" in condition:
        pool = [finding for finding in findings if matches(finding, condition["of"])]
        if not pool:
            return False
        share = sum(1 for finding in pool if matches(finding, condition["share"])) / len(pool)
        return share > condition["more_than"]
    if "disagreement" in condition:
        pool = [finding.result for finding in findings if matches(finding, condition["disagreement"])]
        if not pool:
            return False
        most_common = max(pool.count(result) for result in set(pool))
        return (len(pool) - most_common) / len(pool) > condition["more_than"]
    if "newest_older_than" in condition:
        years = [finding.year for finding in findings if matches(finding, condition["of"]) and finding.year]
        return bool(years) and reference_year - max(years) > condition["newest_older_than"]
    raise ValueError(f"unknown condition in rules.yml: {condition}")


@dataclass(frozen=True)
class OutcomeRating:
    outcome: str
    rating: str
    # (rating id, whether its condition held), for every rule down to the one that applied.
    trace: tuple[tuple[str, bool], ...]
    strength: int
    # (reason id, points): "base" with the highest level, then each adjustment that applied.
    strength_trace: tuple[tuple[str, int], ...]
    multi_study: bool
    studies: int


@dataclass(frozen=True)
class Rating:
    outcomes: tuple[OutcomeRating, ...]
    headline: str
    emmie: dict[str, int] = field(default_factory=dict)

    def as_data(self) -> dict:
        """Plain data, the same shape the browser engine returns."""
        return {
            "headline": self.headline,
            "outcomes": [
                {
                    "outcome": rating.outcome,
                    "rating": rating.rating,
                    "trace": [[rule, met] for rule, met in rating.trace],
                    "strength": rating.strength,
                    "strength_trace": [[reason, points] for reason, points in rating.strength_trace],
                    "multi_study": rating.multi_study,
                    "studies": rating.studies,
                }
                for rating in self.outcomes
            ],
            "emmie": dict(self.emmie),
        }


def rate_outcome(outcome: str, findings: list[Finding], reference_year: int, rules: dict) -> OutcomeRating:
    trace = []
    rating = rules["effectiveness"][-1]["rating"]
    for rule in rules["effectiveness"]:
        met = holds(rule["when"], findings, reference_year)
        trace.append((rule["rating"], met))
        if met:
            rating = rule["rating"]
            break
    strength_rules = rules["strength"]
    highest = max((finding.design_level for finding in findings), default=0)
    points = strength_rules["base_by_highest_level"][str(highest)]
    strength_trace = [("base", points)]
    for index, adjustment in enumerate(strength_rules["adjustments"]):
        if holds(adjustment["when"], findings, reference_year):
            points += adjustment["add"]
            strength_trace.append((f"adjustment-{index}", adjustment["add"]))
    strength = max(0, min(strength_rules["maximum"], points))
    return OutcomeRating(
        outcome=outcome,
        rating=rating,
        trace=tuple(trace),
        strength=strength,
        strength_trace=tuple(strength_trace),
        multi_study=holds(rules["multi_study"]["when"], findings, reference_year),
        studies=len({finding.study for finding in findings}),
    )


def emmie_scores(findings: list[Finding], reference_year: int, rules: dict) -> dict[str, int]:
    unrated = set(rules["unrated_outcomes"])
    scores = {}
    for dimension in rules["emmie"]["dimensions"]:
        informing = [
            finding
            for finding in findings
            if dimension in finding.emmie or (dimension == "effect" and finding.outcome not in unrated)
        ]
        scores[dimension] = next(
            level["score"] for level in rules["emmie"]["levels"] if holds(level["when"], informing, reference_year)
        )
    return scores


def rate(evaluations: list[dict], reference_year: int, outcomes: list[str] | None = None, rules: dict | None = None) -> Rating:
    """Ratings for every rated outcome with findings, plus any `outcomes` asked for (which may have
    none: "not yet evaluated"). With no findings and no outcomes asked for, the headline is
    "not yet evaluated"."""
    rules = rules or load_rules()
    findings = [Finding.from_data(evaluation) for evaluation in evaluations]
    unrated = set(rules["unrated_outcomes"])
    wanted = list(dict.fromkeys([*(outcomes or []), *(finding.outcome for finding in findings)]))
    rated = [outcome for outcome in wanted if outcome not in unrated]
    ratings = tuple(
        rate_outcome(outcome, [finding for finding in findings if finding.outcome == outcome], reference_year, rules)
        for outcome in rated
    )
    order = rules["headline_order"]
    headline = min((rating.rating for rating in ratings), key=order.index, default="not-yet-evaluated")
    return Rating(ratings, headline, emmie_scores(findings, reference_year, rules))
