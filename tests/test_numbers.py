import pytest

from wayout.language_data import missing_language_entries
from wayout.numbers import format_number, format_share, knows_language
from conftest import PROJECT_ROOT


@pytest.mark.parametrize(("language", "thousands", "decimal", "share"), [
    ("en", "12,345", "1.5", "60%"),
    ("fr", "12\u202f345", "1,5", "60\u00a0%"),
    ("de", "12.345", "1,5", "60\u00a0%"),
    ("nl", "12.345", "1,5", "60%"),
    ("pt", "12\u00a0345", "1,5", "60%"),  # Portugal's conventions, not Brazil's "12.345"
    ("es", "12.345", "1,5", "60\u00a0%"),
])  # fmt: skip
def test_each_language_writes_numbers_and_shares_its_own_way(language, thousands, decimal, share):
    assert format_number(12345, language) == thousands
    assert format_number(1.5, language) == decimal
    assert format_share(0.6, language) == share


def test_small_numbers_are_left_alone():
    assert [format_number(159, language) for language in ("en", "fr", "de", "nl", "pt")] == ["159"] * 5


def test_a_language_without_number_conventions_is_reported_not_written_in_english():
    assert knows_language("fr") and knows_language("pt-BR")
    assert not knows_language("xx")
    problems = missing_language_entries(["en", "xx"], PROJECT_ROOT)
    assert any("number conventions" in problem.message and "xx" in problem.message for problem in problems)
