"""The benchmarks' synthetic sites (benchmarks/synthetic_site.py), the per-plugin clock that times
their builds (benchmarks/measured_build.py) and the per-language search check of bench_scale."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from benchmarks.bench_scale import check_language_search, measured_builds, site_size
from benchmarks.synthetic_site import EU_LANGUAGES, SiteSize, bibliography, language_name, write_site
from conftest import run_mkdocs_build
from site_pages import PROJECT_ROOT
from wayout.bibliography.sources import read_bibliography

SMALL = SiteSize(pages=12, references=30, profiles=3, languages=2)


def _files(root):
    return {path.relative_to(root): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_same_size_writes_the_same_site(tmp_path):
    write_site(tmp_path / "one", SMALL, "wayout")
    write_site(tmp_path / "two", SMALL, "wayout")
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_both_variants_have_the_same_pages_and_bibliography(tmp_path):
    plain = yaml.safe_load(write_site(tmp_path / "plain", SMALL, "plain").read_text())
    ours = yaml.safe_load(write_site(tmp_path / "wayout", SMALL, "wayout").read_text())
    for folder in ("docs", "bibliography"):
        assert _files(tmp_path / "plain" / folder) == _files(tmp_path / "wayout" / folder)
    assert plain["plugins"] == ["search", ours["plugins"][1]]
    assert ours["plugins"][1]["i18n"]["reconfigure_search"] is False  # as in mkdocs.yml, for both
    assert [plugin if isinstance(plugin, str) else next(iter(plugin)) for plugin in ours["plugins"][2:]] == [
        "wayout-site", "wayout-citations", "wayout-framework", "wayout-content"]
    assert "custom_dir" not in plain["theme"] and ours["theme"]["custom_dir"] == str(PROJECT_ROOT / "overrides")


def test_the_size_is_what_was_asked_for(tmp_path):
    write_site(tmp_path, SMALL, "wayout")
    for code in SMALL.codes:
        folder = tmp_path / "docs" / code
        assert len(list((folder / "research").glob("part-*/page-*.md"))) == SMALL.pages
        assert len(list((folder / "programmes").glob("programme-*.md"))) == SMALL.profiles
    assert len(list((tmp_path / "docs").rglob("*.md"))) == SMALL.pages_in_all
    entries, problems = read_bibliography(tmp_path / "bibliography", tmp_path)
    assert problems == [] and len(entries.entries) == SMALL.references


def test_each_languages_pages_hold_its_own_name_and_no_other(tmp_path):
    size = SiteSize(pages=3, references=20, profiles=1, languages=6)
    write_site(tmp_path, size, "wayout")
    for code in size.codes:
        for page in (tmp_path / "docs" / code).rglob("*.md"):
            text = page.read_text("utf-8")
            assert language_name(code) in text, page
            assert not [other for other in size.codes if other != code and language_name(other) in text], page


def test_keys_stay_shaped_author_year_word_when_they_collide():
    keys, text = bibliography(3000)
    assert len(set(keys)) == 3000
    assert all(key.rstrip("abcdefghijklmnopqrstuvwxyz")[-4:].isdigit() for key in keys)


def test_sizes_outside_what_a_site_can_be_are_refused():
    with pytest.raises(ValueError):
        SiteSize(pages=10, references=10, profiles=1, languages=len(EU_LANGUAGES) + 1)
    with pytest.raises(ValueError):
        SiteSize(pages=0, references=50, profiles=1, languages=1)


@pytest.mark.parametrize("variant", ["plain", "wayout"])
def test_both_variants_build_strictly(tmp_path, variant):
    result = run_mkdocs_build(write_site(tmp_path / "src", SMALL, variant), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert (tmp_path / "site" / "fr" / "research" / "part-01" / "page-0011" / "index.html").is_file()


def test_the_clock_times_each_of_our_plugins_and_each_language(tmp_path):
    config = write_site(tmp_path / "src", SMALL, "wayout")
    result = subprocess.run([sys.executable, "-m", "benchmarks.measured_build", str(config), str(tmp_path / "site")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(report["plugins"]) == {"wayout-site", "wayout-citations", "wayout-framework", "wayout-content"}
    assert all(seconds > 0 for seconds in report["plugins"].values())
    assert set(report["languages"]) == {"en", "fr"}
    # Each language's own build, nested builds excluded: together they are the whole build.
    assert sum(report["languages"].values()) == pytest.approx(report["cpu"], rel=0.2)
    assert sum(report["plugins"].values()) < report["cpu"]


def test_the_clock_leaves_our_package_out_of_a_plain_build(tmp_path):
    # Importing our plugins to time them would add their import to plain Material's build.
    config = write_site(tmp_path / "src", SMALL, "plain")
    code = ("import json, sys; from benchmarks.measured_build import main; main(sys.argv[1:]); "
            "print(json.dumps(sorted(name for name in sys.modules if name.split('.')[0] == 'wayout')))")
    result = subprocess.run([sys.executable, "-c", code, str(config), str(tmp_path / "site")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    *_, report, imported = result.stdout.strip().splitlines()
    assert json.loads(report)["plugins"] == {}
    assert json.loads(imported) == []


def test_builds_side_by_side_report_each_sites_size_and_search_indexes(tmp_path):
    jobs = [(write_site(tmp_path / variant, SMALL, variant), tmp_path / f"{variant}-site", SMALL.codes)
            for variant in ("plain", "wayout")]
    plain, ours = measured_builds(jobs)
    for build, (_, site_dir, _) in zip((plain, ours), jobs):
        assert build.cpu > 0 and build.peak_memory > 0
        assert build.site_size == site_size(site_dir) > 0
    # In the order given: plain Material writes one index for every language, ours one per language.
    assert set(plain.search_indexes) == {"en"}
    assert set(ours.search_indexes) == {"en", "fr"}
    assert ours.search_indexes["fr"] == (tmp_path / "wayout-site" / "fr" / "search" / "search_index.json").stat().st_size
    assert set(ours.plugins) == {"wayout-site", "wayout-citations", "wayout-framework", "wayout-content"} and not plain.plugins
    assert 0 < ours.checks < ours.plugins["wayout-site"] and plain.checks == 0


def _index(folder, docs, lang=("en",)):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "search_index.json").write_text(json.dumps({"config": {"lang": list(lang)}, "docs": docs}))


def test_the_search_check_passes_a_site_whose_languages_search_apart(tmp_path):
    _index(tmp_path / "search", [{"title": "Home English", "text": ""}])
    _index(tmp_path / "el" / "search", [{"title": "Αρχική", "text": "Ελληνικά"}])
    assert check_language_search(tmp_path, ["en", "el"]) == []


def test_the_search_check_names_every_problem(tmp_path):
    _index(tmp_path / "search", [{"title": "Home English", "text": "Ελληνικά"}])
    _index(tmp_path / "el" / "search", [], lang=["el"])
    problems = check_language_search(tmp_path, ["en", "el", "bg"])
    assert problems == [
        "en: the search index holds pages of el",
        "el: the search index is empty",
        "el: the search index does not hold the language's pages",
        "el: the index asks for the stemmer `el`, which the site does not ship",
        "bg: no search index at bg/search/search_index.json",
    ]
