"""Translation status: current, outdated and missing pages in the report, the notices and the
coverage table of a two-language fixture site, and `wayout i18n --mark`."""

from __future__ import annotations

import hashlib

import pytest

from conftest import run_mkdocs_build
from fixture_site import make_site
from wayout.cli import main
from wayout.translations import translation_status

ENGLISH = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\nText.\n",
    "en/current.md": "---\ntype: page\ntitle: Current\n---\n# Current\n\nText.\n",
    "en/outdated.md": "---\ntype: page\ntitle: Outdated\n---\n# Outdated\n\nNew text.\n",
    "en/missing.md": "---\ntype: page\ntitle: Missing\n---\n# Missing\n\nText.\n",
    "en/coverage.md": "---\ntype: page\ntitle: Coverage\n---\n# Coverage\n\n<!-- translation-coverage -->\n",
}


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def french(title: str, english_key: str, recorded: str | None = None) -> str:
    record = f"translation:\n  source_hash: {recorded or short_hash(ENGLISH[english_key])}\n"
    return f"---\ntype: page\ntitle: {title}\n{record}---\n# {title}\n\nTexte.\n"


PAGES = {
    **ENGLISH,
    "fr/index.md": french("Accueil", "en/index.md"),
    "fr/current.md": french("À jour", "en/current.md"),
    "fr/outdated.md": french("Ancienne", "en/outdated.md", recorded=short_hash("an older English text")),
    "fr/coverage.md": french("Couverture", "en/coverage.md").replace("Texte.", "<!-- translation-coverage -->"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("translations")
    config = make_site(root / "src", PAGES)
    result = run_mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Translations: fr 3 current, 1 outdated, 1 missing" in result.stderr
    return root


def test_the_status_of_every_page_in_every_language(site):
    statuses = {status.page: status.state for status in translation_status(site / "src" / "docs", "en", ["en", "fr"])}
    assert statuses == {"index.md": "current", "current.md": "current", "outdated.md": "outdated",
                        "missing.md": "missing", "coverage.md": "current"}


def test_an_outdated_translation_says_so_and_links_to_the_english_page(site):
    html = (site / "site" / "fr" / "outdated" / "index.html").read_text()
    assert 'class="admonition warning wayout-outdated"' in html
    assert "La page anglaise a été modifiée depuis cette traduction." in html
    assert '<a href="../../outdated/" hreflang="en">Lire la page en anglais</a>' in html
    assert "wayout-outdated" not in (site / "site" / "fr" / "current" / "index.html").read_text()


def test_a_missing_translation_shows_the_english_page_with_a_link_to_it(site):
    # (The real site has no untranslated page any more, so the fixture carries this check.)
    html = (site / "site" / "fr" / "missing" / "index.html").read_text()
    assert 'class="admonition info wayout-fallback"' in html
    assert "Cette page n'est pas encore disponible en français" in html
    assert '<a href="../../missing/" hreflang="en">Lire la page en anglais</a>' in html
    assert '<div lang="en">' in html  # the English text is marked as English for screen readers
    assert "wayout-fallback" not in (site / "site" / "missing" / "index.html").read_text()


def test_the_coverage_page_counts_each_state(site):
    html = (site / "site" / "fr" / "coverage" / "index.html").read_text()
    assert '<th scope="col">À jour</th><th scope="col">À mettre à jour</th>' in html
    # French puts a no-break space before the per cent sign; English does not (Unicode CLDR).
    assert '<th scope="row" lang="fr">Français</th><td>3</td><td>1</td><td>1</td><td>60\u00a0%</td>' in html
    english = (site / "site" / "coverage" / "index.html").read_text()
    assert "<th scope=\"col\">Current</th>" in english
    assert '<th scope="row" lang="fr">Français</th><td>3</td><td>1</td><td>1</td><td>60%</td>' in english


def test_the_report_lists_outdated_pages_and_marking_makes_them_current(site, capsys):
    root = site / "src"
    assert main(["i18n", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "fr                 3         1         1" in out
    assert f"  fr  outdated  outdated.md  (translates {short_hash('an older English text')}, English is now {short_hash(ENGLISH['en/outdated.md'])})" in out
    assert main(["i18n", "--root", str(root), "--strict"]) == 1
    capsys.readouterr()

    page = root / "docs" / "fr" / "outdated.md"
    before = page.read_text()
    assert main(["i18n", "--root", str(root), "--mark", str(page)]) == 0
    after = page.read_text()
    assert after == before.replace(short_hash("an older English text"), short_hash(ENGLISH["en/outdated.md"]))
    capsys.readouterr()
    assert main(["i18n", "--root", str(root)]) == 0
    assert "fr                 4         0         1" in capsys.readouterr().out


def test_marking_a_page_without_a_record_adds_one_and_bad_paths_are_explained(tmp_path, capsys):
    for name, text in {"en/a.md": ENGLISH["en/current.md"], "fr/a.md": "---\ntype: page\ntitle: A\n---\n# A\n"}.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n"
    )
    assert main(["i18n", "--root", str(tmp_path), "--mark", str(tmp_path / "docs" / "fr" / "a.md")]) == 0
    assert (tmp_path / "docs" / "fr" / "a.md").read_text() == (
        f"---\ntype: page\ntitle: A\ntranslation:\n  source_hash: {short_hash(ENGLISH['en/current.md'])}\n---\n# A\n"
    )
    capsys.readouterr()
    assert main(["i18n", "--root", str(tmp_path), "--mark", str(tmp_path / "docs" / "fr" / "b.md"), str(tmp_path / "docs" / "en" / "a.md")]) == 1
    err = capsys.readouterr().err
    assert "fr/b.md: there is no English page docs/en/b.md" in err
    assert "en/a.md: not in a translation folder — give a page under docs/<language>/ for one of: fr" in err


def test_each_language_searches_only_its_own_pages(site):
    import json

    built = site / "site"
    english = json.loads((built / "search" / "search_index.json").read_text())
    french = json.loads((built / "fr" / "search" / "search_index.json").read_text())
    assert english["config"]["lang"] == ["en"] and french["config"]["lang"] == ["fr"]
    english_pages = {doc["location"].split("#")[0] for doc in english["docs"]}
    french_pages = {doc["location"].split("#")[0] for doc in french["docs"]}
    assert english_pages == {"", "current/", "outdated/", "missing/", "coverage/"}
    # Written in French, relative to the French folder; the untranslated page is in neither list
    # under fr/ (it is English, and the English index has it).
    assert french_pages == {"", "current/", "outdated/", "coverage/"}
    assert any(doc["text"] == "<p>Texte.</p>" for doc in french["docs"])
    # French pages read the French index: Material looks for it under `base`.
    page = (built / "fr" / "current" / "index.html").read_text()
    assert '"base": "../../fr/"' in page
    assert '"base": ".."' in (built / "current" / "index.html").read_text()


def test_wayout_check_compares_each_translation_with_its_english_page(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: fr\n"
    )
    pages = {
        "en/a.md": "---\ntype: page\ntitle: A\n---\n\n# A\n\nSee [b](b.md).\n",
        "en/b.md": "---\ntype: page\ntitle: B\n---\n\n# B\n",
        "fr/a.md": "---\ntype: page\ntitle: A\ntranslation:\n  source_hash: 000000000000\n---\n\n# A\n\nVoir [b](c.md).\n",
    }
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text)
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "docs/fr/a.md:8: the link target `b.md` of docs/en/a.md is missing" in out
    assert "docs/fr/a.md:10: the link target `c.md` is not in docs/en/a.md" in out
