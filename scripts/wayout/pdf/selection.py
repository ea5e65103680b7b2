"""Which pages get a PDF, of what, and where the file goes."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

FACTSHEET, EVIDENCE, HANDOUTS, BRIEF = "factsheet", "evidence", "handouts", "brief"
# The front-matter type of a page and what its PDF holds. A module's PDF is its handouts only: the
# trainer copies them for a session; the rest of the module is read on screen.
KIND_BY_TYPE = {"factsheet": FACTSHEET, "evidence": EVIDENCE, "module": HANDOUTS}
# Pages that are ordinary pages by type but are printed whole, by their path inside a language folder.
DEFAULT_BRIEFS = ("awareness/policymakers.md",)
# The id of the section a module's PDF holds (`## Handouts {#handouts}` in every language).
HANDOUTS_ID = "handouts"


def pdf_kind(front: Mapping, path_in_language: str, briefs: Iterable[str] = DEFAULT_BRIEFS) -> str | None:
    """What the PDF of a page holds (FACTSHEET, EVIDENCE, HANDOUTS or BRIEF), or None for no PDF.

    `path_in_language` is the page's source path inside its language folder, e.g.
    "awareness/policymakers.md" for docs/fr/awareness/policymakers.md."""
    kind = KIND_BY_TYPE.get(front.get("type"))
    if kind is not None:
        return kind
    if path_in_language in set(briefs):
        return BRIEF
    return None


def pdf_path(dest_uri: str, src_uri: str) -> str:
    """The PDF's path in the site: beside the page, named after its source file.
    awareness/factsheets/myths/index.html (from …/myths.md) → awareness/factsheets/myths/myths.pdf"""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    return posixpath.join(posixpath.dirname(dest_uri), f"{stem}.pdf")
