"""How fast the engine parses and formats: synthetic BibTeX of any size, timed per entry.

pybtex's own `plain` style takes about 1 ms per entry; the aim here is well below that.
Run: python -m wayout.bibliography.benchmark [entries]
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.sources import load_bibliography

_SURNAMES = ["Koehler", "Horgan", "L{\\\"o}sel", "Bj{\\o}rgo", "van der Heide", "Marsden", "Cherney", "Altier"]
_GIVEN = ["Daniel", "John G.", "Friedrich", "Tore", "Liesbeth", "Sarah V.", "Adrian", "Mary Beth"]
_TITLE_WORDS = ["Exit", "Programmes", "in", "{Europe}", "Desistance", "and", "Risk", "Assessment", "of", "Offenders"]


@dataclass(frozen=True)
class BenchmarkResult:
    entries: int
    languages: int
    load_ms: float
    format_ms: float

    @property
    def ms_per_formatted_entry(self) -> float:
        return self.format_ms / (self.entries * self.languages)

    def __str__(self) -> str:
        return (
            f"{self.entries} entries: load {self.load_ms:.0f} ms ({self.load_ms / self.entries:.3f} ms/entry); "
            f"format {self.entries} × {self.languages} languages in {self.format_ms:.0f} ms "
            f"({self.ms_per_formatted_entry:.3f} ms per entry and language)"
        )


# One shape per entry type the site formats; {authors}, {title}, {year} and {n} are filled per entry.
_SHAPES = [
    ("article", "author = {{{authors}}}, title = {{{title}}}, journal = {{Journal for Deradicalization}}, "
                "year = {{{year}}}, volume = {{{volume}}}, number = {{{issue}}}, pages = {{{n}--{last_page}}}, "
                "doi = {{10.1000/wayout.{n}}}"),
    ("book", "author = {{{authors}}}, title = {{{title}}}, publisher = {{Routledge}}, year = {{{year}}}, edition = {{2nd}}"),
    ("book", "editor = {{{authors}}}, title = {{{title}}}, publisher = {{Springer}}, year = {{{year}}}"),
    ("incollection", "author = {{{authors}}}, title = {{{title}}}, booktitle = {{Handbook of {title}}}, "
                     "editor = {{Smith, Jane and Doe, John}}, publisher = {{Springer}}, year = {{{year}}}, pages = {{1--20}}"),
    ("techreport", "author = {{{authors}}}, title = {{{title}}}, institution = {{Ministry of Justice}}, "
                   "number = {{{n}}}, year = {{{year}}}, url = {{https://example.org/{n}}}"),
    ("misc", "author = {{{{Radicalisation Awareness Network}}}}, title = {{{title}}}, howpublished = {{Working paper}}, "
             "url = {{https://example.org/ran/{n}}}"),
]  # fmt: skip


def synthetic_bibtex(count: int) -> str:
    """`count` varied, valid entries: articles, books, edited books, chapters, reports, documents."""
    entries = []
    for number in range(count):
        year = 1990 + number % 35
        authors = " and ".join(
            f"{_SURNAMES[(number + offset) % len(_SURNAMES)]}, {_GIVEN[(number + offset) % len(_GIVEN)]}"
            for offset in range(1 + number % 4)
        )
        title = " ".join(_TITLE_WORDS[(number + offset) % len(_TITLE_WORDS)] for offset in range(8)) + f" {number}"
        entry_type, shape = _SHAPES[number % len(_SHAPES)]
        body = shape.format(
            authors=authors, title=title, year=year, n=number, volume=number % 40, issue=number % 4 + 1,
            last_page=number + 20,
        )  # fmt: skip
        key_year = str(year) if "year =" in body else "nd"
        entries.append(f"@{entry_type}{{synthetic{key_year}n{_letters(number)},\n  {body},\n}}\n")
    return "\n".join(entries)


def measure(count: int = 2000, languages: tuple[str, ...] = ("en", "fr", "de", "nl", "pt")) -> BenchmarkResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.bib"
        path.write_text(synthetic_bibtex(count), "utf-8")
        started = time.perf_counter()
        bibliography = load_bibliography(Path(folder))
        loaded = time.perf_counter()
        formatter = ReferenceFormatter(bibliography)
        for language in languages:
            for key in bibliography.keys():
                formatter.entry(key, language)
        formatted = time.perf_counter()
    return BenchmarkResult(count, len(languages), (loaded - started) * 1000, (formatted - loaded) * 1000)


def _letters(number: int) -> str:
    """Keys must be one lowercase word, so the entry number is spelled in letters."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
        if number == 0:
            return letters


if __name__ == "__main__":
    print(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
