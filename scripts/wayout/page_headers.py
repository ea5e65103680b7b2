"""What a review, factsheet or training module shows above its text, worked out from its front
matter: the summary, the audiences, key messages, a module's duration, objectives and prerequisites.
The writer puts these in front matter once; the page, the checks and the course overview read them."""

from __future__ import annotations

from wayout.dates import format_date
from wayout.ui_strings import load_ui_strings
from wayout.vocabularies import load_vocabularies

HEADED_TYPES = ("review", "factsheet", "module")


def header_view(front: dict, language: str) -> dict | None:
    page_type = front.get("type")
    if page_type not in HEADED_TYPES:
        return None
    strings, vocabularies = load_ui_strings(), load_vocabularies()

    def t(key: str) -> str:
        return strings.translate(key, language)

    view = {
        "type": page_type,
        "labels": {key: t(key) for key in (
            "page.in_short", "page.for", "page.last_reviewed", "factsheet.key_messages",
            "module.duration", "module.objectives", "module.prerequisites",
        )},
        "summary": front.get("summary", ""),
        "audiences": [vocabularies.label("audiences", audience, language) for audience in front.get("audiences", [])],
        "last_reviewed": str(front.get("last_reviewed", "")),
        "last_reviewed_text": format_date(str(front["last_reviewed"]), language) if front.get("last_reviewed") else "",
        "key_messages": list(front.get("key_messages", [])),
        "objectives": list(front.get("objectives", [])),
        "prerequisites": list(front.get("prerequisites", [])) or [t("module.no_prerequisites")],
        "duration": format_duration(front["duration_minutes"], language) if "duration_minutes" in front else "",
    }
    return view


def format_duration(minutes: int, language: str) -> str:
    """"3 h 0 min" reads oddly: whole hours and short sessions are written without the zero part."""
    hours, rest = divmod(int(minutes), 60)
    text = load_ui_strings().translate("module.hours", language).format(hours=hours, minutes=rest)
    if rest == 0:
        return text.split(" ", 2)[0] + " " + text.split(" ", 2)[1]
    if hours == 0:
        return " ".join(text.split(" ")[2:])
    return text
