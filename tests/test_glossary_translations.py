"""Glossary translation status term by term: current, outdated, missing; marking; stray entries."""

from __future__ import annotations

from pathlib import Path

import yaml

from wayout import translations
from wayout.cli import main
from wayout.glossary_translations import glossary_status, mark_glossary_current, stray_translations

ENGLISH = """\
- term: Aftercare
  definition: "Support after release."
- term: Desistance
  definition: "Stopping offending and staying stopped."
  forms: [desist]
- term: Mentor
  definition: "A person who guides another."
"""

FRENCH = """\
# Les termes du glossaire, en français.
- term: Accompagnement après la sortie
  en: Aftercare
  definition: "Soutien après la libération."
- term: Désistance
  en: Desistance
  definition: "Cesser de commettre des infractions."
"""


def write_site(root: Path, english: str = ENGLISH, french: str = FRENCH) -> Path:
    (root / "docs" / "en" / "glossary").mkdir(parents=True)
    (root / "docs" / "fr" / "glossary").mkdir(parents=True)
    (root / "docs" / "en" / "glossary" / "terms.yml").write_text(english, encoding="utf-8")
    (root / "docs" / "fr" / "glossary" / "terms.yml").write_text(french, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, name: English, default: true}\n        - {locale: fr, name: Français}\n",
        encoding="utf-8",
    )
    return root / "docs"


def states(docs: Path) -> dict[str, str]:
    return {status.term: status.state for status in glossary_status(docs, "en", ["en", "fr"])}


def test_unmarked_terms_are_outdated_and_an_untranslated_term_is_missing(tmp_path):
    docs = write_site(tmp_path)
    assert states(docs) == {"Aftercare": "outdated", "Desistance": "outdated", "Mentor": "missing"}


def test_marking_records_each_english_entry_and_keeps_comments(tmp_path):
    docs = write_site(tmp_path)
    french_file = docs / "fr" / "glossary" / "terms.yml"
    assert mark_glossary_current(french_file, docs / "en" / "glossary" / "terms.yml") == 2
    text = french_file.read_text("utf-8")
    assert text.startswith("# Les termes du glossaire, en français.\n")
    assert all(isinstance(entry["en_hash"], str) for entry in yaml.safe_load(text))  # never read back as a number
    assert states(docs) == {"Aftercare": "current", "Desistance": "current", "Mentor": "missing"}
    # Marking again replaces the record instead of adding a second one.
    mark_glossary_current(french_file, docs / "en" / "glossary" / "terms.yml")
    assert french_file.read_text("utf-8").count("en_hash") == 2


def test_changing_one_english_definition_outdates_only_its_translations(tmp_path):
    docs = write_site(tmp_path)
    mark_glossary_current(docs / "fr" / "glossary" / "terms.yml", docs / "en" / "glossary" / "terms.yml")
    english = docs / "en" / "glossary" / "terms.yml"
    english.write_text(ENGLISH.replace("Support after release.", "Support after release from prison."), encoding="utf-8")
    assert states(docs) == {"Aftercare": "outdated", "Desistance": "current", "Mentor": "missing"}


def test_an_entry_translating_no_english_term_and_one_without_en_are_problems(tmp_path):
    french = FRENCH + '- term: Ancien\n  en: Former terrorist\n  definition: "Un texte."\n- term: Seul\n  definition: "Sans en."\n'
    docs = write_site(tmp_path, french=french)
    problems = stray_translations(docs, "en", ["en", "fr"], tmp_path)
    assert [(problem.path, problem.line) for problem in problems] == [
        ("docs/fr/glossary/terms.yml", 8), ("docs/fr/glossary/terms.yml", 11)]
    assert "“Former terrorist” (`en:` of “Ancien”) is not an English glossary term" in problems[0].message
    assert "does not say which English term it translates" in problems[1].message


def test_wayout_i18n_reports_and_marks_the_glossary(tmp_path, capsys):
    write_site(tmp_path)
    assert main(["i18n", "--root", str(tmp_path), "--strict"]) == 1
    report = capsys.readouterr().out
    assert "Glossary terms against docs/en/glossary/terms.yml (3 terms)" in report
    assert "fr  missing   glossary term “Mentor”" in report
    assert "fr  outdated  glossary term “Aftercare” (docs/fr/glossary/terms.yml:2)" in report
    assert main(["i18n", "--root", str(tmp_path), "--mark", str(tmp_path / "docs/fr/glossary/terms.yml")]) == 0
    assert "marked 2 glossary terms in fr/glossary/terms.yml current" in capsys.readouterr().out


def test_a_page_hash_made_only_of_digits_is_quoted_so_it_reads_back_as_text(tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "source_hash", lambda path: "012345678901")
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.md").write_text("---\ntitle: Page\n---\n# Page\n", encoding="utf-8")
    (tmp_path / "fr" / "page.md").write_text("---\ntitle: Page\n---\n# Page\n", encoding="utf-8")
    translations.mark_current(tmp_path / "fr" / "page.md", tmp_path / "en" / "page.md")
    assert 'source_hash: "012345678901"' in (tmp_path / "fr" / "page.md").read_text("utf-8")
    assert translations.page_status(tmp_path, "en", "fr", "page.md").state == "current"


def test_wayout_check_shows_languages_that_are_behind_without_failing_for_it(tmp_path, capsys):
    write_site(tmp_path)
    assert main(["check", "--root", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "Translations, fr: 0 outdated, 0 missing pages, 3 glossary terms not current — `wayout i18n --language fr` lists them" in err
