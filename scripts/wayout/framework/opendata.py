"""The open data published with the site: programmes and evidence cards with their computed ratings."""

from __future__ import annotations

import csv
import io
import json

from wayout.framework.views import rating_of
from wayout.schemas import schema_for

LICENCE = """\
WayOut knowledge base: open data
================================

Files
  programmes.json   every programme profile: its front matter and the ratings computed from it
  programmes.csv    one row per programme, for spreadsheets
  evidence.json     every "what works" card: its front matter and computed ratings
  schemas/          the JSON Schemas the files follow (vocabularies filled in as enums)
  framework-rules.json  the rules the ratings are computed with, as the self-assessment reads them

Ratings are computed by the WayOut common evaluation framework from the evaluations listed in each
record, as of the record's `last_reviewed` date. Every fact names its source as a key of the site's
bibliography (downloads/wayout-bibliography.bib).

Licence
  The data is published under the Creative Commons Attribution 4.0 International licence
  (CC BY 4.0): you may share and adapt it for any purpose if you credit
  "WayOut knowledge base" and indicate changes. The bibliographic records describe other
  authors' works, which keep their own copyright.
"""

CSV_COLUMNS = [
    "id", "title", "original_name", "original_name_language", "english_name", "country", "region", "operator", "settings", "status",
    "start_year", "end_year", "ideologies", "participation", "components", "partners", "risk_tools",
    "headline_rating", "strongest_evidence", "studies", "last_reviewed", "sources", "url",
]  # fmt: skip


def record(identifier: str, url: str, front: dict) -> dict:
    data = {key: value for key, value in front.items() if key != "type"}
    return {"id": identifier, "url": url, **data, "ratings": rating_of(front).as_data()}


def records_json(records: list[dict]) -> str:
    return json.dumps(sorted(records, key=lambda item: item["id"]), ensure_ascii=False, indent=2) + "\n"


def programmes_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in sorted(records, key=lambda item: item["id"]):
        names, years, ratings = item.get("names", {}), item.get("years", {}), item["ratings"]
        writer.writerow({
            "id": item["id"], "title": item["title"], "original_name": names.get("original", ""),
            "original_name_language": names.get("language", ""),
            "english_name": names.get("english", ""), "country": item["country"], "region": item.get("region", ""),
            "operator": item["operator"], "settings": ";".join(item["settings"]), "status": item["status"],
            "start_year": years.get("start", ""), "end_year": years.get("end", ""),
            "ideologies": ";".join(item["ideologies"]), "participation": item["participation"],
            "components": ";".join(item["components"]), "partners": ";".join(item.get("partners", [])),
            "risk_tools": ";".join(item.get("risk_tools", [])), "headline_rating": ratings["headline"],
            "strongest_evidence": max((outcome["strength"] for outcome in ratings["outcomes"]), default=0),
            "studies": len({evaluation["study"] for evaluation in item.get("evaluations", [])}),
            "last_reviewed": item["last_reviewed"], "sources": ";".join(item["sources"]), "url": item["url"],
        })
    return buffer.getvalue()


def published_schemas() -> dict[str, str]:
    return {
        f"{name}.schema.json": json.dumps(schema_for(name), ensure_ascii=False, indent=2) + "\n"
        for name in ("programme", "evidence", "evaluation")
    }
