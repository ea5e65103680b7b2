"""The bibliography is parsed once and each entry formatted once per language, across the builds of
every language and across rebuilds in one process (as `mkdocs serve` does them)."""

from __future__ import annotations

import logging

from mkdocs.commands.build import build
from mkdocs.config import load_config

from citation_fixtures import write_bibliography
from fixture_site import make_site
from wayout.mkdocs_plugins.citations import plugin as citations_plugin

PAGES = {
    "en/index.md": "---\ntype: page\ntitle: Home\n---\n# Home\n\n[@horgan2010rehabilitating] and [@koehler2017understanding].\n",
    "fr/index.md": "---\ntype: page\ntitle: Accueil\n---\n# Accueil\n\n[@horgan2010rehabilitating].\n",
}


def build_in_process(config_file, site_dir):
    logging.disable(logging.WARNING)
    try:
        build(load_config(str(config_file), site_dir=str(site_dir)))
    finally:
        logging.disable(logging.NOTSET)


def test_parse_once_and_format_once_per_language_across_rebuilds(tmp_path):
    folder = write_bibliography(tmp_path / "src" / "bibliography")
    config = make_site(tmp_path / "src", PAGES, ("wayout-site", "wayout-citations"))
    citations_plugin._CACHES.pop(folder.resolve(), None)

    build_in_process(config, tmp_path / "site")
    cache = citations_plugin._CACHES[folder.resolve()]
    formatter = cache.formatter()
    assert cache.loads == 1
    # The bibliography page is absent here, so only cited entries are formatted:
    # two in English, one in French, each exactly once although both builds ran.
    assert formatter.formatted_count == 3

    build_in_process(config, tmp_path / "site")
    assert cache.loads == 1 and cache.formatter() is formatter
    assert formatter.formatted_count == 3

    bib = folder / "evaluation.bib"
    bib.write_text(bib.read_text() + "\n")
    build_in_process(config, tmp_path / "site")
    assert cache.loads == 2, "an edited .bib file must be read again"


def test_a_rebuild_parses_only_the_pages_that_changed(tmp_path, monkeypatch):
    from wayout.markdown_extensions import citations as extension

    folder = write_bibliography(tmp_path / "src" / "bibliography")
    config = make_site(tmp_path / "src", PAGES, ("wayout-site", "wayout-citations"))
    citations_plugin._CACHES.pop(folder.resolve(), None)
    parsed: list[str] = []
    real_find_citations = extension.find_citations
    monkeypatch.setattr(extension, "find_citations", lambda text: parsed.append(text) or real_find_citations(text))

    build_in_process(config, tmp_path / "site")
    assert len(parsed) == 2  # the English and the French home page
    parsed.clear()

    build_in_process(config, tmp_path / "site")
    assert parsed == []
    french = tmp_path / "src" / "docs" / "fr" / "index.md"
    french.write_text(french.read_text().replace("[@horgan2010rehabilitating]", "[@koehler2017understanding]"))
    build_in_process(config, tmp_path / "site")
    assert len(parsed) == 1 and "@koehler2017understanding" in parsed[0]
    html = (tmp_path / "site" / "fr" / "index.html").read_text()
    assert "Koehler, 2017" in html and "Horgan" not in html

    bib = folder / "evaluation.bib"
    bib.write_text(bib.read_text() + "\n")
    parsed.clear()
    build_in_process(config, tmp_path / "site")
    assert len(parsed) == 2, "a new bibliography must render every page again"
