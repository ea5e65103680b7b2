"""A small two-language site built in the test, so the plugin's behaviour is checked on known input."""

from __future__ import annotations

from conftest import run_mkdocs_build
from fixture_site import make_site


GOOD = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n",
    "en/topic/index.md": "---\ntype: page\ntitle: Topic\n---\n# Topic\n",
    "fr/index.md": "---\ntype: page\ntitle: Accueil\n---\n# Accueil\n",
}


def test_fixture_site_builds_with_the_plugin_rules(tmp_path):
    config = make_site(tmp_path / "src", GOOD)
    site = tmp_path / "site"
    result = run_mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    assert '<html lang="en"' in (site / "404.html").read_text()
    assert '<html lang="fr"' in (site / "fr" / "404.html").read_text()
    assert "Content-Security-Policy" in (site / "fr" / "topic" / "index.html").read_text()
    assert (site / "fr" / "topic" / "sitemap.xml").is_file()
    root_sitemap = (site / "sitemap.xml").read_text()
    assert "None" not in root_sitemap, "no site_url: addresses are site-relative, never 'None'"
    assert '<loc>/topic/</loc>' in root_sitemap and 'hreflang="fr" href="/fr/topic/"' in root_sitemap
    # The translated home page is not a fallback; the untranslated topic page is.
    assert "wayout-fallback" not in (site / "fr" / "index.html").read_text()
    assert "wayout-fallback" in (site / "fr" / "topic" / "index.html").read_text()


def test_bad_front_matter_stops_the_strict_build_with_every_problem(tmp_path):
    pages = {
        **GOOD,
        "en/bad.md": "---\ntype: page\ntitle: [oops\n---\n",
        "fr/worse.md": "---\ntype: leaflet\ntitle: X\n---\n",
    }
    config = make_site(tmp_path / "src", pages)
    result = run_mkdocs_build(config, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "docs/en/bad.md:3: the front matter is not valid YAML" in output
    assert "docs/fr/worse.md:2: unknown page type `leaflet`" in output
