"""How problems name the file to fix."""

from __future__ import annotations

import os
from pathlib import Path

from wayout.problems import display_path


def test_a_path_under_the_root_is_shown_from_the_root(tmp_path):
    assert display_path(tmp_path / "docs" / "en" / "page.md", tmp_path) == "docs/en/page.md"


def test_a_path_reached_through_a_symbolic_link_is_shown_from_the_root(tmp_path):
    (tmp_path / "project" / "docs").mkdir(parents=True)
    os.symlink(tmp_path / "project", tmp_path / "link")
    assert display_path(tmp_path / "link" / "docs" / "page.md", tmp_path / "project") == "docs/page.md"


def test_a_path_that_climbs_out_and_back_is_shown_from_the_root(tmp_path):
    (tmp_path / "docs").mkdir()
    assert display_path(tmp_path / "docs" / ".." / "bibliography" / "a.bib", tmp_path) == "bibliography/a.bib"


def test_a_path_outside_the_root_is_shown_whole(tmp_path):
    outside = Path("/elsewhere/page.md")
    assert display_path(outside, tmp_path) == "/elsewhere/page.md"
