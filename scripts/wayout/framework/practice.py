"""Practice quality from a programme manager's answers: a level per dimension and overall."""

from __future__ import annotations

from wayout.framework.rules import load_practice


def practice_profile(answers: dict[str, str], practice: dict | None = None) -> dict:
    """{"dimensions": {id: {"points", "maximum", "level"}}, "overall": level}; unanswered = "no"."""
    practice = practice or load_practice()
    points_of = {answer["id"]: answer["points"] for answer in practice["answers"]}
    best = max(points_of.values())
    dimensions, total, total_maximum = {}, 0, 0
    for dimension in practice["dimensions"]:
        points = sum(points_of[answers.get(question["id"], "no")] for question in dimension["questions"])
        maximum = best * len(dimension["questions"])
        dimensions[dimension["id"]] = {"points": points, "maximum": maximum, "level": _level(points, maximum, practice)}
        total, total_maximum = total + points, total_maximum + maximum
    return {"dimensions": dimensions, "overall": _level(total, total_maximum, practice)}


def _level(points: int, maximum: int, practice: dict) -> str:
    # Compare in whole numbers, as the browser does, so that no rounding can make them differ.
    return next(level["id"] for level in practice["levels"] if points * 100 >= round(level["min_share"] * 100) * maximum)
