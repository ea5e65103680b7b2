"""Every case of the bad-input corpus (tests/bad_input/cases.py), in a small two-language site:
`wayout check` and `mkdocs build --strict` both fail, both name the file and line with the
expected message, and neither shows a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bad_input.cases import CASES, Case, page
from citation_fixtures import write_bibliography
from conftest import run_mkdocs_build
from fixture_site import make_site
from wayout.cli import main

PLUGINS = ("wayout-site", "wayout-citations", "wayout-content")
BASE = {
    "en/index.md": page("Home", "A claim [@koehler2017understanding].\n\n## Gaps in evidence\n\nText.\n\n## Gaps {#gaps}\n\nText."),
    "fr/index.md": page("Accueil", "Une affirmation [@koehler2017understanding].\n\n## Lacunes {#gaps}\n\nTexte."),
}


def build_case(root: Path, case: Case) -> Path:
    config = make_site(root, BASE, PLUGINS)
    write_bibliography(root / "bibliography")
    for relative, content in case.files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return config


def test_the_corpus_has_at_least_thirty_cases_with_distinct_names():
    assert len(CASES) >= 30 and len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_checker_and_the_build_report_the_mistake_where_it_is(tmp_path, capsys, case):
    config = build_case(tmp_path / "src", case)
    assert main(["check", "--root", str(tmp_path / "src")]) == 1
    captured = capsys.readouterr()
    checked = captured.out + captured.err
    assert case.expected in checked, checked
    assert "Traceback" not in checked
    result = run_mkdocs_build(config, tmp_path / "site")
    built = result.stdout + result.stderr
    assert result.returncode == 1
    assert case.expected in built, built
    assert "Traceback" not in built
