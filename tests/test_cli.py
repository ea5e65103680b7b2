import subprocess
import sys

from wayout.cli import main


def test_check_passes_on_the_real_site(capsys):
    assert main(["check"]) == 0
    assert "No problems found" in capsys.readouterr().out


def test_check_lists_every_problem_and_exits_1(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "a.md").write_text("---\ntype: page\ntitle: [x\n---\n")
    (tmp_path / "docs" / "en" / "b.md").write_text("---\ntype: page\n---\n")
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2 problems found:"
    assert "docs/en/a.md:3: the front matter is not valid YAML" in out
    assert "docs/en/b.md:1: the required field `title` is missing" in out


def test_check_reports_glossary_problems_and_unknown_sources(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs" / "en" / "glossary").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "glossary" / "terms.yml").write_text(
        '- term: Desistance\n  definition: "Stopping offending."\n  source: nobody2020nothing\n'
        "- term: Exit\n  definition: " + '"' + "word " * 31 + '"\n'
    )
    assert main(["check", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "docs/en/glossary/terms.yml:1: the source `nobody2020nothing` of “Desistance” is not in the bibliography" in out
    assert "docs/en/glossary/terms.yml:4: the definition of “Exit” has 31 words — write one sentence of at most 30 words" in out


def test_console_script_runs_without_traceback_on_bad_input(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\n: : :\n---\n")
    wayout = [sys.executable, "-c", "import sys; from wayout.cli import main; sys.exit(main())"]
    result = subprocess.run([*wayout, "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "docs/a.md:2:" in result.stdout


def test_outside_a_project_says_where_to_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "no mkdocs.yml" in capsys.readouterr().err
