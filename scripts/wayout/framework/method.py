"""The method tables of the framework page, generated from the rules (never typed by hand)."""

from __future__ import annotations

from wayout.framework.rules import load_practice, load_rules

TABLES = ("design-levels", "ratings", "strength", "emmie", "practice")
from wayout.framework.views import RATING_SYMBOLS, Labels


def method_view(language: str) -> dict:
    labels = Labels(language)
    rules = load_rules()
    strength = rules["strength"]
    return {
        "language": language,
        "design_levels": [{"level": level, "text": labels.text(text)} for level, text in sorted(rules["design_levels"].items())],
        "ratings": [
            {"id": rule["rating"], "symbol": RATING_SYMBOLS[rule["rating"]], "label": labels.text(rule["label"]), "requires": labels.text(rule["requires"])}
            for rule in rules["effectiveness"]
        ],
        "strength_base": [{"level": level, "points": points} for level, points in sorted(strength["base_by_highest_level"].items()) if level != "0"],
        "strength_adjustments": [{"add": f"{item['add']:+d}", "reason": labels.text(item["reason"])} for item in strength["adjustments"]],
        "strength_maximum": strength["maximum"],
        "emmie_levels": [{"score": level["score"], "reason": labels.text(level["reason"])} for level in rules["emmie"]["levels"]],
        "emmie_dimensions": [labels.text(text) for text in rules["emmie"]["dimensions"].values()],
        "practice_dimensions": [
            {"label": labels.text(dimension["label"]), "questions": [labels.text(question["text"]) for question in dimension["questions"]]}
            for dimension in load_practice()["dimensions"]
        ],
        "practice_levels": [{"label": labels.text(level["label"]), "share": round(level["min_share"] * 100)} for level in load_practice()["levels"]],
        "labels": {key: labels.ui(key) for key in (
            "method.level", "method.description", "method.rating", "method.requires", "method.order", "method.highest_level",
            "method.points", "method.adjustment", "method.reason", "method.score", "method.emmie_dimensions",
            "method.practice_levels", "method.share",
        )},
    }
