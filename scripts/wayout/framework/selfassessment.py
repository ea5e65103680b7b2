"""What the self-assessment page embeds: the shared rules and every label it needs, in one language."""

from __future__ import annotations

from wayout.framework.rules import load_practice, load_rules
from wayout.framework.views import RATING_SYMBOLS, Labels
from wayout.vocabularies import load_vocabularies

UI_KEYS = (
    "sa.private", "sa.noscript", "sa.practice", "sa.evaluations", "sa.evaluations_hint", "sa.add", "sa.remove",
    "sa.finding", "sa.study", "sa.significant", "sa.independent", "sa.follow_up", "sa.year", "sa.submit",
    "sa.result", "sa.print", "sa.practice_result", "sa.overall", "sa.points", "sa.level", "sa.no_outcomes",
    "framework.because", "framework.not", "framework.headline", "framework.strength_of", "column.outcome",
    "column.rating", "column.strength", "column.design_level", "column.outcome", "column.result",
    "profile.how_rated", "column.dimension",
)  # fmt: skip


def self_assessment_data(language: str) -> dict:
    labels = Labels(language)
    vocabularies = load_vocabularies()
    rules = load_rules()
    return {
        "language": language,
        "rules": rules,
        "practice": load_practice(),
        "symbols": RATING_SYMBOLS,
        "outcomes": [
            {"value": value, "label": labels.term("outcomes", value)}
            for value in vocabularies.values("outcomes")
        ],
        "results": [{"value": value, "label": labels.term("results", value)} for value in vocabularies.values("results")],
        "ui": {key: labels.ui(key) for key in UI_KEYS},
    }
