"""Language tags with a region, as configuration and data files write them."""

from wayout.language_tags import base_language, for_language


def test_the_base_language_drops_the_region_however_it_is_written():
    assert [base_language(tag) for tag in ("pt", "pt-BR", "pt_BR", "zh-Hant-TW")] == ["pt", "pt", "pt", "zh"]


def test_a_value_is_taken_for_the_tag_then_for_its_base_language():
    values = {"pt": "português", "pt-BR": "português do Brasil", "fr": ""}
    assert for_language(values, "pt-BR") == "português do Brasil"
    assert for_language(values, "pt_PT") == "português"
    assert for_language(values, "de") is None
    assert not for_language(values, "fr-BE")  # an empty value counts as none: the caller falls back
