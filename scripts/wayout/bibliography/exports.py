"""The bibliography, or one page's references, as BibTeX, CSL-JSON and RIS for researchers' tools.

Output is deterministic (entries by key, fields in a fixed order) so exports diff cleanly and can
be cached. The `verified` field is provenance for maintainers and is never exported.

Each entry's records are made once per load, in all three formats at once, and kept on the
Bibliography: a site exports every page's references in every format, and the same entries are
cited on many pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from wayout.bibliography.langids import language_tag
from wayout.bibliography.latex import latex_to_plain
from wayout.bibliography.names import group_name, is_others
from wayout.bibliography.sources import BibEntry, Bibliography, Name

NEVER_EXPORTED = frozenset({"verified"})

_BIBTEX_FIELD_ORDER = (
    "author", "editor", "title", "booktitle", "journal", "year", "month", "edition", "volume", "number",
    "pages", "eid", "series", "type", "howpublished", "publisher", "institution", "school", "organization",
    "address", "isbn", "issn", "doi", "url", "note",
)  # fmt: skip
_BIBTEX_FIELD_RANK = {name: rank for rank, name in enumerate(_BIBTEX_FIELD_ORDER)}

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
# The fields CSL-JSON and RIS show as text, LaTeX resolved; the others they export are written as
# in the source (years, months, identifiers and addresses).
_PLAIN_FIELDS = frozenset({
    "title", "journal", "booktitle", "volume", "number", "pages", "edition", "series", "type", "publisher",
    "institution", "school", "organization", "address", "howpublished", "note",
})  # fmt: skip
_RAW_FIELDS = frozenset({"year", "month", "isbn", "issn", "doi", "url"})
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
    return _bibtex_text([records[0] for records in _selected_records(bibliography, keys)])


def to_csl_items(bibliography: Bibliography, keys: Iterable[str] | None = None) -> list[dict[str, Any]]:
    return [_csl_item(bibliography[key], *_read(bibliography[key])) for key in _selected(bibliography, keys)]


def to_csl_json(bibliography: Bibliography, keys: Iterable[str] | None = None) -> str:
    """CSL-JSON (as read by Zotero, pandoc and citeproc), plain Unicode text.

    The same text as json.dumps(to_csl_items(...), ensure_ascii=False, indent=2), put together
    from each item's own JSON, indented one level as a list element."""
    return _csl_json_text([records[2] for records in _selected_records(bibliography, keys)])


def to_ris(bibliography: Bibliography, keys: Iterable[str] | None = None) -> str:
    """RIS records, one per entry, each closed by `ER  - `."""
    return _ris_text([records[1] for records in _selected_records(bibliography, keys)])


def downloads(bibliography: Bibliography, keys: Iterable[str] | None = None) -> dict[str, str]:
    """The texts of to_bibtex, to_ris and to_csl_json by file suffix (bib, ris, json): the entries
    are looked up once for all three."""
    selected = _selected_records(bibliography, keys)
    return {
        "bib": _bibtex_text([records[0] for records in selected]),
        "ris": _ris_text([records[1] for records in selected]),
        "json": _csl_json_text([records[2] for records in selected]),
    }


def _bibtex_text(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _ris_text(records: list[str]) -> str:
    return "\n".join(records)


def _csl_json_text(items: list[str]) -> str:
    return ("[\n" + ",\n".join(items) + "\n]\n") if items else "[]\n"


# --- shared -------------------------------------------------------------------------------------


def _selected(bibliography: Bibliography, keys: Iterable[str] | None) -> list[str]:
    entries = bibliography.entries
    chosen = sorted(set(entries if keys is None else keys))
    missing = [key for key in chosen if key not in entries]
    if missing:
        raise KeyError(f"not in the bibliography: {', '.join(missing)}")
    return chosen


def _selected_records(bibliography: Bibliography, keys: Iterable[str] | None) -> list[tuple[str, str, str]]:
    """The (BibTeX, RIS, CSL-JSON) records of the selected entries, each made on the first request
    of this load: the three formats share the reading of the entry."""
    made = bibliography.export_records
    selected = []
    for key in _selected(bibliography, keys):
        records = made.get(key)
        if records is None:
            entry = bibliography.entries[key]
            values, authors, editors = _read(entry)
            records = made[key] = (
                _bibtex_block(entry),
                _ris_record(entry, values, authors, editors),
                _csl_json_element(entry, values, authors, editors),
            )
        selected.append(records)
    return selected


def _bibtex_block(entry: BibEntry) -> str:
    lines = [f"@{entry.type}{{{entry.key},"]
    for name in _ordered_fields(entry):
        lines.append(f"  {name} = {{{entry.fields[name]}}},")
    lines.append("}")
    return "\n".join(lines)


def _csl_json_element(entry: BibEntry, values: dict[str, str], authors: list[Name], editors: list[Name]) -> str:
    # _indented_json(item, "  ") with the item's own level written out: most of its values are
    # strings, and the lists of names are written by _json_names.
    members = []
    for name, value in _csl_item(entry, values, authors, editors).items():
        if type(value) is str:
            written = _json_string(value)
        elif name == "author" or name == "editor":
            written = _json_names(value)
        else:
            written = _indented_json(value, "    ")
        members.append(f"    {_json_string(name)}: {written}")
    return "  {\n" + ",\n".join(members) + "\n  }"


def _json_names(names: list[dict[str, str]]) -> str:
    """_indented_json(names, "    ") for a CSL item's list of names: never empty, each name a
    dictionary of strings that is never empty either."""
    written = [
        "\n      {\n        " + ",\n        ".join([f"{_json_string(part)}: {_json_string(text)}" for part, text in name.items()])
        for name in names
    ]
    return "[" + "\n      },".join(written) + "\n      }\n    ]"


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
    present = [name for name, value in entry.fields.items() if name not in NEVER_EXPORTED and value.strip()]
    known = sorted([name for name in present if name in _BIBTEX_FIELD_RANK], key=_BIBTEX_FIELD_RANK.__getitem__)
    return known + sorted([name for name in present if name not in _BIBTEX_FIELD_RANK])


def _read(entry: BibEntry) -> tuple[dict[str, str], list[Name], list[Name]]:
    """What CSL-JSON and RIS export of an entry: its fields (see _values), its named authors and editors."""
    return _values(entry), _named(entry, "author"), _named(entry, "editor")


def _values(entry: BibEntry) -> dict[str, str]:
    """The fields CSL-JSON and RIS export, each read once: as plain text (_PLAIN_FIELDS) or as
    written (_RAW_FIELDS). A blank field is left out; a plain text may be empty (a value of `{}`)."""
    values = {}
    for name, value in entry.fields.items():
        if name in _PLAIN_FIELDS:
            value = value.strip()
            if value:
                values[name] = latex_to_plain(value)
        elif name in _RAW_FIELDS:
            value = value.strip()
            if value:
                values[name] = value
    return values


def _named(entry: BibEntry, role: str) -> list[Name]:
    # "and others" has no CSL or RIS form; the named people are exported.
    return [name for name in entry.names.get(role, ()) if not is_others(name)]


def _language(entry: BibEntry) -> str | None:
    """The BCP 47 tag of an entry's `langid`, which CSL-JSON and RIS take: only where the entry
    names its language (an entry without one is read as English, but says nothing)."""
    return language_tag(entry.fields["langid"]) if entry.fields.get("langid", "").strip() else None


def _page_range(pages: str | None) -> tuple[str | None, str | None]:
    if pages is None:
        return None, None
    first, *rest = _RANGE_DASH.split(pages, maxsplit=1)
    return first, (rest[0] if rest else None)


def _month_number(month: str | None) -> int | None:
    if month is None:
        return None
    if month.isdigit() and 1 <= int(month) <= 12:
        return int(month)
    return _MONTHS.get(month.lower().rstrip("."))


def _publisher(values: dict[str, str]) -> str | None:
    for name in ("publisher", "institution", "school", "organization"):
        value = values.get(name)
        if value:
            return value
    return None


# --- CSL-JSON -----------------------------------------------------------------------------------


def _csl_name(name: Name) -> dict[str, str]:
    group = group_name(name)
    if group is not None:
        return {"literal": group}
    first, middle, prelast, last, lineage = name
    written = {"family": latex_to_plain(" ".join(last))}
    given = latex_to_plain(" ".join(first + middle))
    if given:
        written["given"] = given
    if prelast:
        written["non-dropping-particle"] = latex_to_plain(" ".join(prelast))
    if lineage:
        written["suffix"] = latex_to_plain(" ".join(lineage))
    return written


def _csl_item(entry: BibEntry, values: dict[str, str], authors: list[Name], editors: list[Name]) -> dict[str, Any]:
    value = values.get
    item: dict[str, Any] = {"id": entry.key, "type": _CSL_TYPES[entry.type]}
    if authors:
        item["author"] = [_csl_name(name) for name in authors]
    if editors:
        item["editor"] = [_csl_name(name) for name in editors]
    title = value("title")
    if title:
        item["title"] = title
    container = value("journal") or value("booktitle")
    if container:
        item["container-title"] = container
    year = value("year")
    if year and year.isdigit():
        date_parts = [int(year)]
        month = _month_number(value("month"))
        if month:
            date_parts.append(month)
        item["issued"] = {"date-parts": [date_parts]}
    simple = {
        "volume": value("volume"),
        "edition": value("edition"),
        "collection-title": value("series"),
        "publisher": _publisher(values),
        "publisher-place": value("address"),
        "ISBN": value("isbn"),
        "ISSN": value("issn"),
        "DOI": value("doi"),
        "URL": value("url"),
        "note": value("howpublished") or value("note"),
        "genre": value("type") or _THESIS_GENRES.get(entry.type),
        "language": _language(entry),
    }
    number = value("number")
    if number:
        simple["issue" if entry.type == "article" else "number"] = number
    first, last = _page_range(value("pages"))
    if first:
        simple["page"] = f"{first}-{last}" if last else first
    item.update({name: value for name, value in simple.items() if value})
    return item


# --- RIS ----------------------------------------------------------------------------------------


def _ris_name(name: Name) -> str:
    group = group_name(name)
    if group is not None:
        return group
    first, middle, prelast, last, lineage = name
    parts = (latex_to_plain(" ".join(prelast + last)), latex_to_plain(" ".join(first + middle)), latex_to_plain(" ".join(lineage)))
    return ", ".join(part for part in parts if part)


def _ris_record(entry: BibEntry, values: dict[str, str], authors: list[Name], editors: list[Name]) -> str:
    value = values.get
    kind = _RIS_TYPES[entry.type]
    if entry.type == "book" and not authors and editors:
        kind = "EDBOOK"
    lines: list[tuple[str, str | None]] = [("TY", kind)]
    lines += [("AU", _ris_name(name)) for name in authors]
    lines += [("ED", _ris_name(name)) for name in editors]
    year = value("year")
    lines.append(("PY", year))
    month = _month_number(value("month"))
    if year and month:
        lines.append(("DA", f"{year}/{month:02d}//"))
    lines.append(("TI", value("title")))
    if entry.type == "article":
        lines.append(("JO", value("journal")))
        lines.append(("T2", value("journal")))
    else:
        lines.append(("T2", value("booktitle")))
    lines.append(("T3", value("series")))
    lines.append(("VL", value("volume")))
    lines.append(("IS" if entry.type == "article" else "M1", value("number")))
    first, last = _page_range(value("pages"))
    lines += [("SP", first), ("EP", last)]
    lines.append(("ET", value("edition")))
    lines.append(("M3", value("type") or _THESIS_GENRES.get(entry.type)))
    lines.append(("PB", _publisher(values)))
    lines.append(("CY", value("address")))
    lines.append(("SN", value("isbn") or value("issn")))
    lines.append(("DO", value("doi")))
    lines.append(("UR", value("url")))
    lines.append(("N1", value("howpublished") or value("note")))
    lines.append(("LA", _language(entry)))
    lines.append(("ID", entry.key))
    # Empty values are left out; the closing ER line is empty by definition.
    return "".join([f"{tag}  - {text}\n" for tag, text in lines if text]) + "ER  - \n"
