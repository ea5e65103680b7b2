"""Keep a loaded bibliography and its formatted entries across builds while no .bib file changes.

`mkdocs serve` rebuilds in the same process on every save, and mkdocs-static-i18n builds once per
language; parsing and formatting again each time would be wasted when bibliography/ is untouched.
"""

from __future__ import annotations

from pathlib import Path

from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.sources import load_bibliography, source_fingerprint
from wayout.bibliography.terms import TermBook


class BibliographyCache:
    def __init__(self, folder: Path, root: Path | None = None, term_book: TermBook | None = None):
        self.folder = folder
        self.root = root
        self._term_book = term_book
        self._formatter: ReferenceFormatter | None = None
        self.loads = 0  # how many times the .bib files were actually parsed

    def formatter(self) -> ReferenceFormatter:
        """The formatter for the current sources; reloads when a .bib file was edited, added or removed.

        Raises ProblemsFound (every problem of every file) when the sources are broken.
        """
        fingerprint = source_fingerprint(self.folder)
        if self._formatter is None or self._formatter.bibliography.fingerprint != fingerprint:
            bibliography = load_bibliography(self.folder, self.root)
            self.loads += 1
            self._formatter = ReferenceFormatter(bibliography, self._term_book)
        return self._formatter
