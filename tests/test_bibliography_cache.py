"""Formatting happens once per (key, language), and across builds only when a .bib file changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wayout.bibliography.benchmark import measure, synthetic_bibtex
from wayout.bibliography.cache import BibliographyCache
from wayout.bibliography.citations import find_citations
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.sources import load_bibliography
from wayout.problems import ProblemsFound

LANGUAGES = ["en", "fr", "de", "nl", "pt"]


def make_folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "bibliography"
    folder.mkdir()
    (folder / "synthetic.bib").write_text(synthetic_bibtex(count), "utf-8")
    return folder


def test_each_entry_is_formatted_once_per_language_however_often_it_is_cited(tmp_path):
    bibliography = load_bibliography(make_folder(tmp_path, 30))
    formatter = ReferenceFormatter(bibliography)
    page = " ".join(f"[@{key}]" for key in bibliography.keys())
    for _build in range(3):
        for language in LANGUAGES:
            for citation in find_citations(page):
                formatter.citation(citation, language)
            formatter.all_references(language)
    assert formatter.formatted_count == 30 * len(LANGUAGES)
    assert formatter.entry(bibliography.keys()[0], "fr") is formatter.entry(bibliography.keys()[0], "fr")


def test_the_cache_reuses_formatting_until_a_bib_file_changes(tmp_path):
    folder = make_folder(tmp_path, 5)
    cache = BibliographyCache(folder)
    first = cache.formatter()
    key = first.bibliography.keys()[0]
    formatted = first.entry(key, "en")
    assert cache.formatter() is first and cache.loads == 1
    assert cache.formatter().entry(key, "en") is formatted

    path = folder / "synthetic.bib"
    path.write_text(path.read_text("utf-8").replace("Routledge", "Routledge Press"), "utf-8")
    changed = cache.formatter()
    assert changed is not first and cache.loads == 2

    (folder / "more.bib").write_text(
        "@misc{ranndextra,\n  author = {{RAN}},\n  title = {Extra},\n  howpublished = {Online},\n}\n", "utf-8"
    )
    assert "ranndextra" in cache.formatter().bibliography and cache.loads == 3


def test_the_cache_reports_every_problem_and_recovers_once_fixed(tmp_path):
    folder = make_folder(tmp_path, 3)
    cache = BibliographyCache(folder)
    broken = folder / "broken.bib"
    broken.write_text("@article{bad_key,\n  title = {T},\n}\n", "utf-8")
    with pytest.raises(ProblemsFound) as raised:
        cache.formatter()
    assert [problem.message for problem in raised.value.problems] == [
        "@article `bad_key` has no `author`",
        "@article `bad_key` has no `journal`",
        "@article `bad_key` has no `year`",
        "key `bad_key` is not shaped like `authorYYYYword`",
    ]
    broken.unlink()
    assert len(cache.formatter().bibliography) == 3


def test_formatting_is_well_below_a_millisecond_per_entry():
    result = measure(400)
    print(f"\n{result}")
    # pybtex's own plain style needs about 3 ms per entry on the same synthetic data here;
    # the bound is loose so that a slow CI machine does not fail the build.
    assert result.ms_per_formatted_entry < 2.0


def test_the_core_does_not_import_mkdocs_or_markdown():
    modules = [
        "apa", "benchmark", "cache", "casing", "citations", "disambiguation", "exports", "formatted",
        "formatting", "in_text", "latex", "names", "prepared", "render", "sources", "terms",
    ]  # fmt: skip
    code = "import sys\n" + "".join(f"import wayout.bibliography.{module}\n" for module in modules)
    code += "assert not {name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'markdown', 'material')}\n"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert completed.returncode == 0, completed.stderr
