"""BibTeX, CSL-JSON and RIS exports of the whole bibliography or of one page's references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pybtex.database import parse_string

from wayout.bibliography.exports import to_bibtex, to_csl_items, to_csl_json, to_ris
from wayout.bibliography.sources import load_bibliography

REAL_BIBLIOGRAPHY = Path(__file__).resolve().parents[1] / "bibliography"

# The CSL 1.0.2 item types and the variables the exports may write.
CSL_TYPES = {"article-journal", "book", "chapter", "paper-conference", "report", "thesis", "document", "webpage"}
CSL_VARIABLES = {
    "id", "type", "author", "editor", "title", "container-title", "issued", "volume", "issue", "page", "DOI",
    "URL", "publisher", "publisher-place", "ISBN", "ISSN", "edition", "collection-title", "note", "genre", "number", "language",
}  # fmt: skip


@pytest.fixture(scope="module")
def bibliography():
    return load_bibliography(REAL_BIBLIOGRAPHY)


def test_bibtex_round_trips_through_pybtex_without_verified(bibliography):
    exported = to_bibtex(bibliography)
    assert "verified" not in exported
    parsed = parse_string(exported, "bibtex")
    assert sorted(parsed.entries) == sorted(bibliography.keys())
    for key, entry in parsed.entries.items():
        source = bibliography[key]
        assert entry.type == source.type
        for name, value in source.fields.items():
            if name in ("author", "editor", "verified"):
                continue
            assert entry.fields[name] == value, (key, name)
        for role, persons in source.persons.items():
            assert [str(person) for person in entry.persons[role]] == [str(person) for person in persons]


def test_bibtex_of_a_subset_is_deterministic(bibliography):
    keys = ["koehler2017how", "altier2014turning"]
    exported = to_bibtex(bibliography, keys)
    assert exported == to_bibtex(bibliography, list(reversed(keys)))
    assert exported.index("@article{altier2014turning,") < exported.index("@article{koehler2017how,")
    assert exported.startswith(
        "@article{altier2014turning,\n"
        "  author = {Altier, Mary Beth and Thoroughgood, Christian N. and Horgan, John G.},\n"
        "  title = {Turning Away from Terrorism: Lessons from Psychology, Sociology, and Criminology},\n"
    )


def test_csl_json_is_json_with_valid_types_and_required_fields(bibliography):
    items = json.loads(to_csl_json(bibliography))
    assert len(items) == len(bibliography)
    for item in items:
        assert set(item) <= CSL_VARIABLES, item["id"]
        assert item["type"] in CSL_TYPES
        assert item["title"]
        for role in ("author", "editor"):
            for name in item.get(role, []):
                assert ("family" in name) != ("literal" in name), item["id"]
        if "issued" in item:
            assert all(isinstance(part, int) for part in item["issued"]["date-parts"][0])
        assert "verified" not in json.dumps(item)


def test_csl_json_fields_of_known_entries(bibliography):
    items = {item["id"]: item for item in to_csl_items(bibliography)}
    assert items["altier2014turning"] == {
        "id": "altier2014turning",
        "type": "article-journal",
        "author": [
            {"family": "Altier", "given": "Mary Beth"},
            {"family": "Thoroughgood", "given": "Christian N."},
            {"family": "Horgan", "given": "John G."},
        ],
        "title": "Turning Away from Terrorism: Lessons from Psychology, Sociology, and Criminology",
        "container-title": "Journal of Peace Research",
        "issued": {"date-parts": [[2014]]},
        "volume": "51",
        "issue": "5",
        "page": "647-661",
        "DOI": "10.1177/0022343314535946",
    }
    assert items["vanderheide2018reintegrating"]["author"][0] == {
        "family": "Heide", "given": "Liesbeth", "non-dropping-particle": "van der",
    }  # fmt: skip
    assert items["bjorgo2009leaving"]["editor"][0] == {"family": "Bjørgo", "given": "Tore"}
    assert items["coe2016guidelines"]["author"] == [{"literal": "Council of Europe, Committee of Ministers"}]
    assert items["sherman1998preventing"]["issued"] == {"date-parts": [[1998, 7]]}
    assert items["koehler2017understanding"]["ISBN"] == "978-1-138-12277-2"
    assert items["koehler2017understanding"]["publisher-place"] == "London and New York"
    assert "issued" not in items["wayoutndproject"]


def test_ris_has_one_record_per_entry_each_closed_by_er(bibliography):
    exported = to_ris(bibliography)
    records = [record for record in exported.split("\n\n") if record.strip()]
    assert len(records) == len(bibliography)
    assert exported.count("\nER  - \n") == len(bibliography)
    for record in records:
        lines = record.strip("\n").split("\n")
        assert lines[0].startswith("TY  - ")
        assert lines[-1] == "ER  - "
        assert all(len(line) >= 6 and line[2:6] == "  - " for line in lines)


def test_ris_fields_of_known_entries(bibliography):
    assert to_ris(bibliography, ["altier2014turning"]) == (
        "TY  - JOUR\n"
        "AU  - Altier, Mary Beth\n"
        "AU  - Thoroughgood, Christian N.\n"
        "AU  - Horgan, John G.\n"
        "PY  - 2014\n"
        "TI  - Turning Away from Terrorism: Lessons from Psychology, Sociology, and Criminology\n"
        "JO  - Journal of Peace Research\n"
        "T2  - Journal of Peace Research\n"
        "VL  - 51\n"
        "IS  - 5\n"
        "SP  - 647\n"
        "EP  - 661\n"
        "DO  - 10.1177/0022343314535946\n"
        "ID  - altier2014turning\n"
        "ER  - \n"
    )
    edited = to_ris(bibliography, ["bjorgo2009leaving"])
    assert edited.startswith("TY  - EDBOOK\nED  - Bjørgo, Tore\nED  - Horgan, John\nPY  - 2009\n")
    assert "CY  - London\n" in edited


def test_an_unknown_key_in_a_subset_is_an_error(bibliography):
    with pytest.raises(KeyError, match="nosuch2020key"):
        to_ris(bibliography, ["nosuch2020key"])
