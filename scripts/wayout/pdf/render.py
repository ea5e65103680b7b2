"""WeasyPrint, set up once per build: local files only, the print stylesheets parsed once, one font
configuration for every PDF, and PDF/UA-1 tagging.

WeasyPrint is imported when the first renderer is made, not with this module: building without
PDFs (`WAYOUT_PDF=false make serve`) does not pay for it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# PDF/UA-1: a tagged PDF (headings, lists, tables, links and reading order in its structure tree)
# with its title shown in the viewer's title bar and its language set, for screen-reader users.
# The pinned WeasyPrint (70.0) makes it, and all 110 PDFs of the site (November 2026) render with
# it, so the build has no fallback; `variant=None` makes a tagged PDF without the PDF/UA claim.
PDF_VARIANT = "pdf/ua-1"
# Fonts come from the system through fontconfig (the font stack is in pdf.css) and are embedded as
# subsets. Nothing is fetched from the network: only file: and data: addresses are allowed.
ALLOWED_PROTOCOLS = frozenset({"file", "data"})


@dataclass(frozen=True)
class RenderProblem:
    """Something WeasyPrint could not do: a resource it could not load, CSS it does not know."""

    level: int
    message: str


class PdfRenderer:
    def __init__(self, stylesheets: Iterable[Path], variant: str | None = PDF_VARIANT):
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        self._weasyprint = weasyprint
        self.variant = variant
        self.font_config = FontConfiguration()
        self.url_fetcher = weasyprint.URLFetcher(allowed_protocols=set(ALLOWED_PROTOCOLS))
        self.problems: list[RenderProblem] = []
        with self._collect_problems():
            self.stylesheets = [
                weasyprint.CSS(filename=str(path), font_config=self.font_config, url_fetcher=self.url_fetcher)
                for path in stylesheets
            ]

    def write(self, html: str, target: Path, base_url: str | None = None) -> list[RenderProblem]:
        """Render one document to `target`; returns what WeasyPrint reported while doing it."""
        self.problems = []
        with self._collect_problems():
            document = self._weasyprint.HTML(string=html, base_url=base_url, url_fetcher=self.url_fetcher)
            options = {"pdf_variant": self.variant} if self.variant else {"pdf_tags": True}
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(target, stylesheets=self.stylesheets, font_config=self.font_config, **options)
        return self.problems

    @contextmanager
    def _collect_problems(self) -> Iterator[None]:
        """WeasyPrint logs errors (resources it could not load) and warnings (CSS and HTML it
        ignored) to the "weasyprint" logger, which MkDocs does not show: collect them instead."""
        logger = logging.getLogger("weasyprint")
        handler = _Collector(self.problems)
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)


class _Collector(logging.Handler):
    def __init__(self, problems: list[RenderProblem]):
        super().__init__(logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        self.problems.append(RenderProblem(record.levelno, record.getMessage()))
