"""The bibliography, or one page's references, as BibTeX, CSL-JSON and RIS for researchers' tools.

Output is deterministic (entries by key, fields in a fixed order) so exports diff cleanly and can
be cached. The `verified` field is provenance for maintainers and is never exported.

Each entry's record in each format is made once per load and kept on the Bibliography: a site
exports every page's references, and the same entries are cited on many pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from pybtex.database import Person

from wayout.bibliography.latex import latex_to_plain
from wayout.bibliography.names import group_name
from wayout.bibliography.sources import BibEntry, Bibliography

NEVER_EXPORTED = frozenset({"verified"})

_BIBTEX_FIELD_ORDER = (
    "author", "editor", "title", "booktitle", "journal", "year", "month", "edition", "volume", "number",
    "pages", "eid", "series", "type", "howpublished", "publisher", "institution", "school", "organization",
    "address", "isbn", "issn", "doi", "url", "note",
)  # fmt: skip

_CSL_TYPES = {
    "article": "article-journal",
    "book": "book",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "misc": "document",
    "online": "webpage",
}
_RIS_TYPES = {
    "article": "JOUR",
    "book": "BOOK",
    "incollection": "CHAP",
    "inproceedings": "CPAPER",
    "techreport": "RPRT",
    "report": "RPRT",
    "phdthesis": "THES",
    "mastersthesis": "THES",
    "misc": "GEN",
    "online": "ELEC",
}
_RANGE_DASH = re.compile(r"\s*[-\u2013\u2014]+\s*")
_THESIS_GENRES = {"phdthesis": "Doctoral dissertation", "mastersthesis": "Master's thesis"}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip


def to_bibtex(bibliography: Bibliography, keys: Iterable[str] | None = None) -> str:
    """Entries as BibTeX, values exactly as in the sources (LaTeX kept), without `verified`."""
    blocks = [_record(bibliography, "bibtex", key, _bibtex_block) for key in _selected(bibliography, keys)]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def to_csl_items(bibliography: Bibliography, keys: Iterable[str] | None = None) -> list[dict[str, Any]]:
    return [_csl_item(bibliography[key]) for key in _selected(bibliography, keys)]


def to_csl_json(bibliography: Bibliography, keys: Iterable[str] | None = None) -> str:
    """CSL-JSON (as read by Zotero, pandoc and citeproc), plain Unicode text.

    The same text as json.dumps(to_csl_items(...), ensure_ascii=False, indent=2), put together
    from each item's own JSON, indented one level as a list element."""
    items = [_record(bibliography, "csl-json", key, _csl_json_element) for key in _selected(bibliography, keys)]
    return ("[\n" + ",\n".join(items) + "\n]\n") if items else "[]\n"


def to_ris(bibliography: Bibliography, keys: Iterable[str] | None = None) -> str:
    """RIS records, one per entry, each closed by `ER  - `."""
    return "\n".join(_record(bibliography, "ris", key, _ris_record) for key in _selected(bibliography, keys))


# --- shared -------------------------------------------------------------------------------------


def _selected(bibliography: Bibliography, keys: Iterable[str] | None) -> list[str]:
    chosen = sorted(set(bibliography.keys() if keys is None else keys))
    missing = [key for key in chosen if key not in bibliography]
    if missing:
        raise KeyError(f"not in the bibliography: {', '.join(missing)}")
    return chosen


def _record(bibliography: Bibliography, export_format: str, key: str, make: Callable[[BibEntry], str]) -> str:
    """An entry's record in one format, made on the first request of this load."""
    records = bibliography.export_records
    record = records.get((export_format, key))
    if record is None:
        record = records[(export_format, key)] = make(bibliography[key])
    return record


def _bibtex_block(entry: BibEntry) -> str:
    lines = [f"@{entry.type}{{{entry.key},"]
    for name in _ordered_fields(entry):
        lines.append(f"  {name} = {{{entry.fields[name]}}},")
    lines.append("}")
    return "\n".join(lines)


def _csl_json_element(entry: BibEntry) -> str:
    # _indented_json(item, "  ") with the item's own level written out: most of its values are strings.
    members = []
    for name, value in _csl_item(entry).items():
        written = _json_string(value) if type(value) is str else _indented_json(value, "    ")
        members.append(f"    {_json_string(name)}: {written}")
    return "  {\n" + ",\n".join(members) + "\n  }"


def _indented_json(value: Any, indent: str) -> str:
    """json.dumps(value, ensure_ascii=False, indent=2) for a value starting on a line indented by
    `indent`, written here because json's own indenting encoder is pure Python and several times
    slower. Dictionaries (with string keys, as CSL items have), lists, strings and integers are
    written here; other values hold no nested lines and are left to json.dumps."""
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        members = ",\n".join(f"{inner}{_json_string(key)}: {_indented_json(item, inner)}" for key, item in value.items())
        return "{\n" + members + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = indent + "  "
        elements = ",\n".join(inner + _indented_json(item, inner) for item in value)
        return "[\n" + elements + "\n" + indent + "]"
    if type(value) is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


# A JSON string literal with non-ASCII characters kept, as json.dumps(ensure_ascii=False) writes it.
_json_string = json.encoder.encode_basestring


def _ordered_fields(entry: BibEntry) -> list[str]:
    present = [name for name in entry.fields if name not in NEVER_EXPORTED and entry.fields[name].strip()]
    known = [name for name in _BIBTEX_FIELD_ORDER if name in present]
    return known + sorted(name for name in present if name not in _BIBTEX_FIELD_ORDER)


def _plain(entry: BibEntry, name: str) -> str | None:
    value = entry.fields.get(name, "").strip()
    return latex_to_plain(value) if value else None


def _raw(entry: BibEntry, name: str) -> str | None:
    return entry.fields.get(name, "").strip() or None


def _named_persons(entry: BibEntry, role: str) -> list[Person]:
    # "and others" has no CSL or RIS form; the named people are exported.
    return [person for person in entry.persons.get(role, ()) if str(person).strip().lower() != "others"]


def _page_range(entry: BibEntry) -> tuple[str | None, str | None]:
    pages = _plain(entry, "pages")
    if pages is None:
        return None, None
    first, *rest = _RANGE_DASH.split(pages, maxsplit=1)
    return first, (rest[0] if rest else None)


def _month_number(entry: BibEntry) -> int | None:
    month = _raw(entry, "month")
    if month is None:
        return None
    if month.isdigit() and 1 <= int(month) <= 12:
        return int(month)
    return _MONTHS.get(month.lower().rstrip("."))


def _publisher(entry: BibEntry) -> str | None:
    for name in ("publisher", "institution", "school", "organization"):
        value = _plain(entry, name)
        if value:
            return value
    return None


# --- CSL-JSON -----------------------------------------------------------------------------------


def _csl_name(person: Person) -> dict[str, str]:
    group = group_name(person)
    if group is not None:
        return {"literal": group}
    name = {"family": latex_to_plain(" ".join(person.last_names))}
    given = latex_to_plain(" ".join(person.first_names + person.middle_names))
    if given:
        name["given"] = given
    if person.prelast_names:
        name["non-dropping-particle"] = latex_to_plain(" ".join(person.prelast_names))
    if person.lineage_names:
        name["suffix"] = latex_to_plain(" ".join(person.lineage_names))
    return name


def _csl_item(entry: BibEntry) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry.key, "type": _CSL_TYPES[entry.type]}
    for role in ("author", "editor"):
        persons = _named_persons(entry, role)
        if persons:
            item[role] = [_csl_name(person) for person in persons]
    title = _plain(entry, "title")
    if title:
        item["title"] = title
    container = _plain(entry, "journal") or _plain(entry, "booktitle")
    if container:
        item["container-title"] = container
    year = _raw(entry, "year")
    if year and year.isdigit():
        date_parts = [int(year)]
        month = _month_number(entry)
        if month:
            date_parts.append(month)
        item["issued"] = {"date-parts": [date_parts]}
    simple = {
        "volume": _plain(entry, "volume"),
        "edition": _plain(entry, "edition"),
        "collection-title": _plain(entry, "series"),
        "publisher": _publisher(entry),
        "publisher-place": _plain(entry, "address"),
        "ISBN": _raw(entry, "isbn"),
        "ISSN": _raw(entry, "issn"),
        "DOI": _raw(entry, "doi"),
        "URL": _raw(entry, "url"),
        "note": _plain(entry, "howpublished") or _plain(entry, "note"),
        "genre": _plain(entry, "type") or _THESIS_GENRES.get(entry.type),
    }
    number = _plain(entry, "number")
    if number:
        simple["issue" if entry.type == "article" else "number"] = number
    first, last = _page_range(entry)
    if first:
        simple["page"] = f"{first}-{last}" if last else first
    item.update({name: value for name, value in simple.items() if value})
    return item


# --- RIS ----------------------------------------------------------------------------------------


def _ris_name(person: Person) -> str:
    group = group_name(person)
    if group is not None:
        return group
    family = latex_to_plain(" ".join(person.prelast_names + person.last_names))
    given = latex_to_plain(" ".join(person.first_names + person.middle_names))
    lineage = latex_to_plain(" ".join(person.lineage_names))
    return ", ".join(part for part in (family, given, lineage) if part)


def _ris_record(entry: BibEntry) -> str:
    kind = _RIS_TYPES[entry.type]
    authors = _named_persons(entry, "author")
    editors = _named_persons(entry, "editor")
    if entry.type == "book" and not authors and editors:
        kind = "EDBOOK"
    lines: list[tuple[str, str | None]] = [("TY", kind)]
    lines += [("AU", _ris_name(person)) for person in authors]
    lines += [("ED", _ris_name(person)) for person in editors]
    year = _raw(entry, "year")
    lines.append(("PY", year))
    month = _month_number(entry)
    if year and month:
        lines.append(("DA", f"{year}/{month:02d}//"))
    lines.append(("TI", _plain(entry, "title")))
    if entry.type == "article":
        lines.append(("JO", _plain(entry, "journal")))
        lines.append(("T2", _plain(entry, "journal")))
    else:
        lines.append(("T2", _plain(entry, "booktitle")))
    lines.append(("T3", _plain(entry, "series")))
    lines.append(("VL", _plain(entry, "volume")))
    if entry.type == "article":
        lines.append(("IS", _plain(entry, "number")))
    else:
        lines.append(("M1", _plain(entry, "number")))
    first, last = _page_range(entry)
    lines += [("SP", first), ("EP", last)]
    lines.append(("ET", _plain(entry, "edition")))
    lines.append(("M3", _plain(entry, "type") or _THESIS_GENRES.get(entry.type)))
    lines.append(("PB", _publisher(entry)))
    lines.append(("CY", _plain(entry, "address")))
    lines.append(("SN", _raw(entry, "isbn") or _raw(entry, "issn")))
    lines.append(("DO", _raw(entry, "doi")))
    lines.append(("UR", _raw(entry, "url")))
    lines.append(("N1", _plain(entry, "howpublished") or _plain(entry, "note")))
    lines.append(("ID", entry.key))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines if value is not None and (value or tag == "ER"))
