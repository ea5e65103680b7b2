from site_pages import languages
from wayout.dates import date_languages, format_date


def test_every_site_language_writes_dates_its_own_way():
    assert {language["locale"] for language in languages()} <= set(date_languages())
    assert [format_date("2026-11-07", code) for code in ("en", "fr", "de", "nl", "pt")] == [
        "7 November 2026", "7 novembre 2026", "7. November 2026", "7 november 2026", "7 de novembro de 2026",
    ]


def test_a_regional_variant_uses_its_language_and_an_unknown_language_english():
    assert format_date("2026-03-01", "pt-BR") == "1 de março de 2026"
    assert format_date("2026-03-01", "pt_BR") == "1 de março de 2026"  # as Material's theme language writes it
    assert format_date("2026-03-01", "sv") == "1 March 2026"
