"""Rows, filters and comparison data for the programme and evidence catalogues, in one language."""

from __future__ import annotations

from wayout.framework.rules import load_rules
from wayout.framework.views import Labels, badge, rating_of

# (filter name, front-matter field, vocabulary) for each catalogue.
FILTERS = {
    "programme": [
        ("country", "country", "countries"),
        ("setting", "settings", "settings"),
        ("ideology", "ideologies", "ideologies"),
        ("approach", "components", "components"),
    ],
    "evidence": [
        ("approach", "component", "components"),
        ("outcome", "outcomes", "outcomes"),
    ],
}
FILTER_LABELS = {"country": "field.country", "setting": "field.settings", "ideology": "field.ideologies",
                 "approach": "field.components", "outcome": "field.outcomes", "rating": "column.rating"}


def _values(front: dict, field: str) -> list[str]:
    value = front.get(field)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def catalogue(kind: str, entries: list[tuple[str, str, dict, dict]], language: str) -> dict:
    """`entries`: (id, relative url, front matter, profile view) of every page of this kind.

    Returns the rows (sorted by title), the filters with only the values that occur, the column
    labels, and per-row comparison data (the key facts and ratings the profile shows)."""
    labels = Labels(language)
    rules = load_rules()
    order = [rule["rating"] for rule in rules["effectiveness"]]
    rows = []
    for identifier, url, front, view in sorted(entries, key=lambda entry: entry[2]["title"].casefold()):
        rating = rating_of(front)
        filters = {name: _values(front, field) for name, field, _ in FILTERS[kind]}
        filters["rating"] = [rating.headline]
        rows.append({
            "id": identifier,
            "url": url,
            "title": front["title"],
            "summary": front.get("summary", ""),
            "filters": filters,
            "cells": {
                name: ", ".join(labels.term(vocabulary, value) for value in filters[name])
                for name, _, vocabulary in FILTERS[kind]
            },
            "headline": badge(rating.headline, labels),
            "rating_order": rules["headline_order"].index(rating.headline),
            "strength": max((outcome.strength for outcome in rating.outcomes), default=0),
            "studies": len({evaluation["study"] for evaluation in front.get("evaluations") or []}),
            "compare": {
                "facts": view["key_facts"],
                "ratings": [
                    {"outcome": outcome["outcome"], "rating": outcome["badge"]["label"], "strength": outcome["strength_text"]}
                    for outcome in view["outcomes"]
                ],
            },
        })
    filters = []
    for name, _, vocabulary in FILTERS[kind]:
        present = sorted({value for row in rows for value in row["filters"][name]}, key=lambda value: labels.term(vocabulary, value).casefold())
        filters.append({"name": name, "label": labels.ui(FILTER_LABELS[name]),
                        "options": [{"value": value, "label": labels.term(vocabulary, value)} for value in present]})
    present_ratings = {row["filters"]["rating"][0] for row in rows}
    filters.append({"name": "rating", "label": labels.ui("column.rating"),
                    "options": [badge(rating, labels) | {"value": rating} for rating in order if rating in present_ratings]})
    columns = [{"name": name, "label": labels.ui(FILTER_LABELS[name])} for name, _, _ in FILTERS[kind]]
    return {
        "kind": kind,
        "language": language,
        "rows": rows,
        "filters": filters,
        "columns": columns,
        "labels": {key: labels.ui(key) for key in (
            "catalogue.filter", "catalogue.all", "catalogue.words", "catalogue.reset", "catalogue.shown",
            "catalogue.compare", "catalogue.compare_button", "catalogue.compare_hint", "catalogue.clear_compare",
            "catalogue.sort", "catalogue.none", "column.rating", "column.strength", "column.studies", "column.compare",
            "column.programme" if kind == "programme" else "column.card", "profile.key_facts", "profile.ratings",
        )},
        "title_column": labels.ui("column.programme" if kind == "programme" else "column.card"),
        "strength_maximum": rules["strength"]["maximum"],
    }
