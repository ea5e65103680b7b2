"""What a programme profile or an evidence card shows, in one language, from its front matter.

Plain data for the templates in overrides/partials/wayout/: every label is already in the page's
language, every rating computed by the engine, so a template only lays things out.
"""

from __future__ import annotations

from dataclasses import dataclass

from wayout.dates import format_date
from wayout.framework.engine import Rating, rate
from wayout.framework.rules import load_rules
from wayout.language_tags import base_language
from wayout.numbers import format_number
from wayout.ui_strings import load_ui_strings
from wayout.vocabularies import load_vocabularies

RATING_SYMBOLS = {
    # A shape per rating, so that a badge never relies on colour alone.
    "effective": "●",
    "promising": "◑",
    "no-effect": "○",
    "possibly-harmful": "▲",
    "insufficient-evidence": "?",
    "not-yet-evaluated": "–",
}
KEY_FACTS = {
    "programme": [
        ("names.original", "names_original", None), ("names.english", "names_english", None),
        ("country", "country", "countries"), ("region", "region", None), ("operator", "operator", "operators"),
        ("settings", "settings", "settings"), ("status", "status", "statuses"), ("years", "years", None),
        ("ideologies", "ideologies", "ideologies"), ("participation", "participation", "participation"),
        ("target_group", "target_group", None), ("eligibility", "eligibility", None),
        ("components", "components", "components"), ("theory_of_change", "theory_of_change", None),
        ("delivery.staff_roles", "staff_roles", None), ("delivery.dosage", "dosage", None),
        ("risk_tools", "risk_tools", "risk_tools"), ("partners", "partners", "partners"),
        ("dissemination.manual", "manual", "readiness"), ("dissemination.training", "training", "readiness"),
        ("dissemination.supervision", "supervision", "readiness"), ("cost_band", "cost_band", "cost_bands"),
        ("last_reviewed", "last_reviewed", None),
    ],
    "evidence": [
        ("question", "question", None), ("component", "component", "components"), ("outcomes", "outcomes", "outcomes"),
        ("effect.direction", "effect", "results"), ("effect.size", "effect", None), ("countries", "countries", "countries"),
        ("behind_the_average", "behind_the_average", None), ("implementation", "implementation", None),
        ("cost_band", "cost_band", "cost_bands"), ("harms", "harms", None), ("gaps", "gaps", None),
        ("last_reviewed", "last_reviewed", None),
    ],
}  # fmt: skip


@dataclass(frozen=True)
class Labels:
    language: str

    def ui(self, key: str, **values) -> str:
        text = load_ui_strings().translate(key, self.language)
        return text.format(**values) if values else text

    def term(self, vocabulary: str, value: str) -> str:
        return load_vocabularies().label(vocabulary, value, self.language)

    def text(self, texts: dict) -> str:
        return texts.get(self.language) or texts["en"]

    def number(self, value: int | float) -> str:
        return format_number(value, self.language)


def reference_year(front: dict) -> int:
    """Ratings are computed as of the page's last review, so they do not change with the calendar."""
    return int(str(front["last_reviewed"])[:4])


def rating_of(front: dict) -> Rating:
    outcomes = front.get("outcomes") if front["type"] == "evidence" else None
    return rate(front.get("evaluations") or [], reference_year(front), outcomes=outcomes)


def badge(rating: str, labels: Labels) -> dict:
    rules = load_rules()
    label = next(labels.text(rule["label"]) for rule in rules["effectiveness"] if rule["rating"] == rating)
    return {"id": rating, "label": label, "symbol": RATING_SYMBOLS[rating]}


def _lookup(front: dict, dotted: str):
    value = front
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def key_facts(front: dict, labels: Labels) -> list[dict]:
    facts = []
    for path, label_key, vocabulary in KEY_FACTS[front["type"]]:
        value = _lookup(front, path)
        if value in (None, "", []):
            continue
        if path == "last_reviewed":
            value = format_date(str(value), labels.language)
        elif path == "years":
            value = "–".join(str(value[part]) for part in ("start", "end") if part in value) + ("–" if "end" not in value else "")
        elif vocabulary and isinstance(value, list):
            value = ", ".join(labels.term(vocabulary, item) for item in value)
        elif vocabulary:
            value = labels.term(vocabulary, value)
        facts.append({"label": labels.ui(f"field.{label_key}"), "value": str(value),
                      "language": _fact_language(front, path, labels.language)})
    return facts


def _fact_language(front: dict, path: str, page_language: str) -> str | None:
    """The language a fact is written in when it is not the page's: a programme's original name
    (in the language its front matter names) and its English name."""
    if path == "names.original":
        written = _lookup(front, "names.language")  # none for a name of no one language (an acronym)
    elif path == "names.english":
        written = "en"
    else:
        return None
    return None if written in (None, base_language(page_language)) else written


def trace_sentences(rule_trace: list[tuple[str, bool]], labels: Labels) -> list[str]:
    rules = {rule["rating"]: rule for rule in load_rules()["effectiveness"]}
    sentences = []
    for rating, met in reversed(rule_trace):
        rule = rules[rating]
        key = "framework.because" if met else "framework.not"
        sentences.append(labels.ui(key, label=labels.text(rule["label"]), requires=labels.text(rule["requires"])))
    return sentences


def strength_sentences(strength_trace: list[tuple[str, int]], highest_level: int, labels: Labels) -> list[str]:
    rules = load_rules()["strength"]
    sentences = []
    for reason, points in strength_trace:
        if reason == "base":
            sentences.append(labels.text(rules["base_reason"]).format(level=highest_level, points=points))
        else:
            adjustment = rules["adjustments"][int(reason.split("-")[1])]
            sentences.append(f"{labels.text(adjustment['reason'])}: {points:+d}")
    return sentences


def evaluation_rows(front: dict, labels: Labels) -> list[dict]:
    design_levels = load_rules()["design_levels"]
    yes, no, unknown = labels.ui("answer.yes"), labels.ui("answer.no"), labels.ui("answer.not_reported")
    rows = []
    for evaluation in front.get("evaluations") or []:
        level = str(evaluation["design_level"])
        rows.append({
            "study": evaluation["study"],
            "level": level,
            "level_label": labels.text(design_levels[level]),
            "sample": labels.number(evaluation["sample"]) if "sample" in evaluation else unknown,
            "outcome": labels.term("outcomes", evaluation["outcome"]),
            "result": labels.term("results", evaluation["result"]),
            "significant": yes if evaluation["significant"] else no,
            "independent": yes if evaluation["independent"] else no,
            "follow_up": labels.number(evaluation["follow_up_months"]) if "follow_up_months" in evaluation else unknown,
            "source": evaluation["source"],
            "note": evaluation.get("note", ""),
        })
    return rows


def profile_view(front: dict, language: str) -> dict:
    """Everything the profile or card template shows."""
    labels = Labels(language)
    rules = load_rules()
    rating = rating_of(front)
    evaluations = front.get("evaluations") or []
    outcomes = []
    for outcome in rating.outcomes:
        levels = [e["design_level"] for e in evaluations if e["outcome"] == outcome.outcome]
        outcomes.append({
            "outcome": labels.term("outcomes", outcome.outcome),
            "badge": badge(outcome.rating, labels),
            "strength": outcome.strength,
            "strength_text": labels.ui("framework.strength_of", points=outcome.strength, maximum=rules["strength"]["maximum"]),
            "strength_sentences": strength_sentences(outcome.strength_trace, max(levels, default=0), labels),
            "multi_study": labels.text(rules["multi_study"]["label"]) if outcome.multi_study else "",
            "studies": outcome.studies,
            "trace": trace_sentences(outcome.trace, labels),
        })
    emmie = [
        {"dimension": labels.text(rules["emmie"]["dimensions"][dimension]), "score": score}
        for dimension, score in rating.emmie.items()
    ]
    return {
        "type": front["type"],
        "language": language,
        "headline": badge(rating.headline, labels),
        "strength_maximum": rules["strength"]["maximum"],
        "key_facts": key_facts(front, labels),
        "outcomes": outcomes,
        "emmie": emmie,
        "evaluations": evaluation_rows(front, labels),
        "website": front.get("website"),
        "labels": {key: labels.ui(key) for key in (
            "profile.key_facts", "profile.ratings", "profile.how_rated", "profile.evaluations", "profile.no_evaluations",
            "profile.process_only",
            "profile.emmie", "profile.method", "framework.headline", "framework.strength_trace", "field.website",
            "column.study", "column.design_level", "column.sample", "column.outcome", "column.result", "column.significant",
            "column.independent", "column.follow_up", "column.source", "column.rating", "column.strength", "column.studies",
            "column.dimension", "column.score",
        )},
    }


def cited_keys(front: dict) -> list[str]:
    """Bibliography keys a profile or card names in its front matter, for its reference list."""
    keys = [evaluation["source"] for evaluation in front.get("evaluations") or []]
    keys += list(front.get("sources") or []) + list(front.get("key_studies") or [])
    return list(dict.fromkeys(keys))


