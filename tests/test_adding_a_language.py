"""Adding a language is a config entry plus files: a fixture site in six languages builds, and a
language whose texts are missing from the data files stops the build with every missing entry."""

from __future__ import annotations

import json

from conftest import run_mkdocs_build
from fixture_site import make_site
from wayout.language_data import missing_language_entries

from site_pages import PROJECT_ROOT

SIX = ("en", "fr", "de", "nl", "pt", "es")
PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\nThe Aarhus model works with families.\n",
    "en/other.md": "---\ntype: page\ntitle: Other\n---\n# Other\n\nText.\n",
    "es/index.md": "---\ntype: page\ntitle: Inicio\n---\n# Inicio\n\nEl modelo de Aarhus trabaja con las familias.\n",
}


def test_a_sixth_language_builds_from_a_config_entry_and_files(tmp_path):
    result = run_mkdocs_build(make_site(tmp_path / "src", PAGES, ("wayout-site", "wayout-content"), languages=SIX), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    home = (site / "es" / "index.html").read_text()
    assert '<html lang="es"' in home and 'hreflang="es"' in (site / "index.html").read_text()
    untranslated = (site / "es" / "other" / "index.html").read_text()
    assert "wayout-fallback" in untranslated and "Leer la página en inglés" in untranslated
    index = json.loads((site / "es" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["es"] and {doc["location"] for doc in index["docs"]} == {""}


def test_a_language_without_its_texts_is_refused_with_every_missing_entry(tmp_path):
    problems = [str(problem) for problem in missing_language_entries(["en", "sv"], PROJECT_ROOT)]
    assert "scripts/wayout/data/ui.yml:4: no `sv` text for `fallback.title` — add `sv:` with the text in that language" in problems
    assert any(line.startswith("scripts/wayout/data/vocabularies.yml:") for line in problems)
    assert any("scripts/wayout/bibliography/terms.yml" in line and "no `sv` block" in line for line in problems)
    result = run_mkdocs_build(
        make_site(tmp_path / "src", {"en/index.md": PAGES["en/index.md"]}, languages=("en", "sv")), tmp_path / "site"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert f"{len(problems)} problems found:" in output
    assert "scripts/wayout/data/ui.yml:4: no `sv` text for `fallback.title`" in output


def test_a_regional_variant_uses_its_languages_blocks_however_its_tag_is_written():
    for tag in ("pt-BR", "pt_BR"):
        problems = [str(problem) for problem in missing_language_entries([tag], PROJECT_ROOT)]
        assert not any("block" in problem for problem in problems), problems


def test_a_language_declared_english_interface_builds_before_its_texts_are_translated(tmp_path):
    """Bulgarian, Slovenian and Irish have no texts in the data files; declared in
    `english_interface`, they build with English interface texts, and each is searched as
    Material searches it: Bulgarian with lunr's Russian stemmer (Material's choice), Slovenian,
    whose stemmer Material names but does not ship, and Irish, which Material has no texts for
    (overrides/partials/languages/ga.html), without one."""
    languages = ("en", "bg", "sl", "ga")
    pages = {f"{code}/index.md": f"---\ntype: page\ntitle: Home\n---\n# Home\n\nText in {code}.\n" for code in languages}
    plugin = "wayout-site:\n      english_interface: [bg, sl, ga]"
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, (plugin, "wayout-content"), languages=languages), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Interface texts still in English for: bg, sl, ga" in result.stderr
    site = tmp_path / "site"
    settings = {}
    for code in languages:
        folder = site if code == "en" else site / code
        index = json.loads((folder / "search" / "search_index.json").read_text())
        assert [doc["text"] for doc in index["docs"] if doc["location"] == ""] == [f"<p>Text in {code}.</p>"]
        settings[code] = (index["config"]["lang"], index["config"]["pipeline"])
        assert f'<html lang="{code}"' in (folder / "index.html").read_text()
    assert settings["en"] == (["en"], ["stopWordFilter"])
    assert settings["bg"][0] == ["ru"]
    assert settings["sl"] == (["en"], ["stopWordFilter"]) and settings["ga"] == (["en"], ["stopWordFilter"])
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.ru.min.js").is_file()


def test_a_language_left_out_of_english_interface_still_needs_its_texts(tmp_path):
    pages = {"en/index.md": PAGES["en/index.md"], "bg/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n"}
    plugin = "wayout-site:\n      english_interface: [sl]"
    result = run_mkdocs_build(make_site(tmp_path / "src", pages, (plugin,), languages=("en", "bg")), tmp_path / "site")
    assert result.returncode == 1
    assert "no `bg` text for `fallback.title`" in result.stdout + result.stderr
