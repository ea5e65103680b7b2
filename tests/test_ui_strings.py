import pytest

from site_pages import languages
from wayout.ui_strings import load_ui_strings


def test_every_string_exists_in_every_site_language():
    locales = [language["locale"] for language in languages()]
    assert load_ui_strings().missing(locales) == []


def test_regional_variant_falls_back_to_its_language_then_english():
    strings = load_ui_strings()
    assert strings.translate("search.dialog", "pt-BR") == "Pesquisar"
    assert strings.translate("search.dialog", "sv") == "Search"


def test_unknown_key_is_a_programming_error():
    with pytest.raises(KeyError, match="ui.yml"):
        load_ui_strings().translate("no.such.key", "en")
