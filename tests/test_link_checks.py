"""Links, images and raw HTML: every problem with its file and line, in every language."""

from __future__ import annotations

from pathlib import Path

from conftest import run_mkdocs_build
from fixture_site import make_site
from wayout.cli import main
from wayout.link_checks import check_links, toc_slug

FRONT = "---\ntype: page\ntitle: {title}\n---\n"

PAGES = {
    "en/index.md": FRONT.format(title="Home") + "# Home\n\n## Study design levels\n\n## Gaps {#gaps}\n",
    "en/guide.md": FRONT.format(title="Guide") + "\n".join([
        "# Guide",  # line 5
        "",
        "See [levels](index.md#study-design-levels) and [gaps](index.md#gaps).",  # 7: fine
        "See [missing](nowhere.md) and [bad anchor](index.md#no-such-anchor).",  # 8: two problems
        "![](chart.png)",  # 9: no alt text
        "Read [this](http://example.org/report) and [that](https://wayout.example.eu/fr/).",  # 10: two problems
        "Go [home](/index.md).",  # 11: root link
        '<iframe src="https://example.org"></iframe>',  # 12
        '<span onclick="x()">x</span> and [run](javascript:alert(1))',  # 13: two problems
        "`<script>` in code is fine, and so is [code](`nowhere.md`).",  # 14: nothing
        "```",
        "[inside a fence](nowhere.md) <script>",  # 16: nothing
        "```",
        "This [section](#gaps-here) is not here.",  # 18
    ]) + "\n",
    "fr/index.md": FRONT.format(title="Accueil") + "# Accueil\n\n## Niveaux de conception des études\n",
    # A French page linking to an English-only page (static-i18n shows the English one) and to an
    # anchor that the French target does not have, although the English one does.
    "fr/guide.md": FRONT.format(title="Guide") + "# Guide\n\n[Guide](only-english.md) et [niveaux](index.md#study-design-levels).\n",
    "en/only-english.md": FRONT.format(title="Only English") + "# Only English\n",
}


def write(root: Path) -> Path:
    for relative, text in PAGES.items():
        path = root / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "docs"


def test_toc_slugs_match_python_markdown():
    assert toc_slug("Niveaux de conception des études") == "niveaux-de-conception-des-etudes"
    assert toc_slug("What `works` — and [why](x.md)?") == "what-works-and-why"


def test_every_problem_is_listed_with_file_and_line(tmp_path):
    docs = write(tmp_path)
    found = [(problem.path, problem.line, problem.message) for problem in
             check_links(docs, tmp_path, ["en", "fr"], "https://wayout.example.eu/")]
    assert found == [
        ("docs/en/guide.md", 8, "`index.md` has no heading or anchor `#no-such-anchor`"),
        ("docs/en/guide.md", 8, "the link `nowhere.md` points at a page that does not exist"),
        ("docs/en/guide.md", 9, "the image `chart.png` has no alt text"),
        ("docs/en/guide.md", 10, "the link `http://example.org/report` uses http://"),
        ("docs/en/guide.md", 10, "the link `https://wayout.example.eu/fr/` points at this site by its full address"),
        ("docs/en/guide.md", 11, "the link `/index.md` starts at the site's root"),
        ("docs/en/guide.md", 12, "raw HTML `<iframe>` is not allowed"),
        ("docs/en/guide.md", 13, "a `javascript:` address is not allowed"),
        ("docs/en/guide.md", 13, "an HTML event attribute (on…=) is not allowed"),
        ("docs/en/guide.md", 18, "`this page` has no heading or anchor `#gaps-here`"),
        ("docs/fr/guide.md", 7, "`index.md` has no heading or anchor `#study-design-levels`"),
    ]


def test_wayout_check_reports_them_and_the_build_stops_on_them(tmp_path, capsys):
    config = make_site(tmp_path / "src", PAGES)
    assert main(["check", "--root", str(tmp_path / "src")]) == 1
    output = capsys.readouterr().out
    assert "docs/en/guide.md:12: raw HTML `<iframe>` is not allowed — remove it" in output
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/en/guide.md:9: the image `chart.png` has no alt text" in result.stderr
    assert "Traceback" not in result.stderr
