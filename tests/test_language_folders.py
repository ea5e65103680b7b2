"""The language folder of a source file (docs/<language>/…), which the plugins read from src_uri."""

from __future__ import annotations

import pytest

from wayout.mkdocs_plugins.languages import language_folder

LANGUAGES = {"en", "fr"}


@pytest.mark.parametrize(("src_uri", "expected"), [
    ("fr/research/index.md", ("fr", "research/index.md")),
    ("en/index.md", ("en", "index.md")),
    ("de/index.md", (None, "de/index.md")),  # not one of this site's languages
    ("index.md", (None, "index.md")),
    ("fr", (None, "fr")),  # a file named like a language, not a folder
    ("assets/fr/x.css", (None, "assets/fr/x.css")),
])  # fmt: skip
def test_a_source_file_is_in_a_language_folder_only_under_a_languages_name(src_uri, expected):
    assert language_folder(src_uri, LANGUAGES) == expected
