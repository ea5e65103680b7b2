"""How fast the engine parses and formats: synthetic BibTeX of any size, timed per entry.

pybtex's own `plain` style takes about 1 ms per entry; the aim here is well below that.

`measure_site` times every step a site build takes, on the corpus of the real build benchmark
(benchmarks/corpus.py: 2,000 entries, 200 pages of 16 citations). Run each in a fresh process, as
the numbers are meant for a cold build with nothing cached:

    python -m wayout.bibliography.benchmark site [runs]  # the build steps, median of 5 processes
    python -m wayout.bibliography.benchmark [entries]    # load, then format every entry in 5 languages
"""

from __future__ import annotations

import json
import statistics
import subprocess
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


# What the MkDocs plugin and the Markdown extension import from the engine.
_BUILD_PATH_MODULES = (
    "wayout.bibliography.cache", "wayout.bibliography.check", "wayout.bibliography.citations",
    "wayout.bibliography.exports", "wayout.bibliography.formatting", "wayout.bibliography.in_text",
    "wayout.bibliography.topics",
)  # fmt: skip
# Already imported by MkDocs before any plugin loads (it finds plugins through importlib.metadata's
# entry points and reads mkdocs.yml with yaml), so not the engine's cost.
_HOST_MODULES = ("importlib.metadata", "yaml", "json", "re", "dataclasses", "pathlib", "html", "urllib.parse")


def import_seconds() -> float:
    """How long a fresh Python takes to import the engine's build-path modules."""
    code = (
        "import time\n"
        + "".join(f"import {module}\n" for module in _HOST_MODULES)
        + "started = time.perf_counter()\n"
        + "".join(f"import {module}\n" for module in _BUILD_PATH_MODULES)
        + "print(time.perf_counter() - started)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(completed.stdout)


def measure_site(entries: int = 2000, pages: int = 200, citations: int = 3200, language: str = "en") -> dict[str, float]:
    """Seconds for each step of a build of the synthetic benchmark site (and counts, under "#").

    Run it in a fresh process: caches filled by an earlier call (or by the tests) make it look faster.
    """
    corpus = _benchmark_corpus()
    from wayout.bibliography.citations import escaped_at_signs, find_citations
    from wayout.bibliography.exports import to_bibtex, to_csl_json, to_ris

    keys, bibtex = corpus.bibtex_entries(entries)
    size = corpus.CorpusSize(pages=pages, entries=entries, citations=citations)
    page_texts = []
    for _name, text, cited in corpus.pages(size, keys):
        for index, key in enumerate(cited):
            text = text.replace(f" {{cite:{index}}}.", f" [@{key}].", 1)
        page_texts.append(text.split("---\n", 2)[2])  # MkDocs hands plugins the page without front matter

    timings: dict[str, float] = {"import (fresh process)": import_seconds()}

    def timed(label: str, work):
        started = time.perf_counter()
        result = work()
        timings[label] = time.perf_counter() - started
        return result

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "synthetic.bib").write_text(bibtex, "utf-8")
        bibliography = timed("load_bibliography", lambda: load_bibliography(Path(folder)))
    formatter = timed("ReferenceFormatter (prepare)", lambda: ReferenceFormatter(bibliography))
    found = timed("find_citations", lambda: [find_citations(text) for text in page_texts])
    timed("escaped_at_signs", lambda: [escaped_at_signs(text) for text in page_texts])
    page_keys = [list(dict.fromkeys(key for citation in page for key in citation.keys)) for page in found]

    def format_pages():
        for page, keys_of_page in zip(found, page_keys, strict=True):
            for citation in page:
                formatter.citation(citation, language)
            formatter.references(keys_of_page, language)

    timed("format citations and references", format_pages)
    cited = list(dict.fromkeys(key for keys_of_page in page_keys for key in keys_of_page))
    timed("the same entries in fr and de", lambda: [formatter.entry(key, other) for other in ("fr", "de") for key in cited])
    for label, export in (("to_bibtex", to_bibtex), ("to_ris", to_ris), ("to_csl_json", to_csl_json)):
        timed(f"{label}, per page", lambda export=export: [export(bibliography, keys_of_page) for keys_of_page in page_keys])
    timed("whole bibliography in 3 formats", lambda: [export(bibliography) for export in (to_bibtex, to_ris, to_csl_json)])
    timings["# citations"] = sum(map(len, found))
    timings["# entries cited"] = len(cited)
    return timings


def print_site_timings(runs: list[dict[str, float]]) -> None:
    """Each step's median and fastest time over the runs (each a fresh process), and the totals the
    targets are about. The fastest is the steadiest figure on a machine that is also doing other work."""
    cited = int(runs[0]["# entries cited"])
    print(f"{int(runs[0]['# citations'])} citations of {cited} entries; {len(runs)} fresh processes")
    timings = [{label: seconds for label, seconds in run.items() if not label.startswith("#")} for run in runs]
    for run in timings:
        run["load + prepare"] = run["load_bibliography"] + run["ReferenceFormatter (prepare)"]
        run["exports in all"] = sum(seconds for label, seconds in run.items() if label.startswith(("to_", "whole")))
        run["everything a build does"] = sum(
            seconds for label, seconds in run.items()
            if label not in ("the same entries in fr and de", "load + prepare", "exports in all")
        )  # fmt: skip
        run["formatting, per entry cited"] = run["format citations and references"] / cited
        run["formatting, per entry and language"] = run["the same entries in fr and de"] / cited / 2
    print(f"  {'':<38}{'median':>8}{'fastest':>10}")
    for label in timings[0]:
        values = [run[label] * 1000 for run in timings]
        digits = 3 if label.startswith("formatting, per") else 0
        print(f"  {label:<38}{statistics.median(values):8.{digits}f}{min(values):10.{digits}f} ms")


def measure_site_in_fresh_processes(runs: int = 5) -> list[dict[str, float]]:
    """measure_site in `runs` fresh Python processes one after another, as a cold build would run it."""
    results = []
    for _run in range(runs):
        completed = subprocess.run(
            [sys.executable, "-m", "wayout.bibliography.benchmark", "site-once"], capture_output=True, text=True, check=True
        )
        results.append(json.loads(completed.stdout))
    return results


def _benchmark_corpus():
    """benchmarks/corpus.py of the repository, which the real build benchmark writes its sites with."""
    repository = Path(__file__).resolve().parents[3]
    if not (repository / "benchmarks" / "corpus.py").is_file():
        raise SystemExit(f"benchmarks/corpus.py not found in {repository}: run from a checkout of the repository")
    if str(repository) not in sys.path:
        sys.path.insert(0, str(repository))
    from benchmarks import corpus

    return corpus


if __name__ == "__main__":
    if sys.argv[1:2] == ["site"]:
        print_site_timings(measure_site_in_fresh_processes(int(sys.argv[2]) if len(sys.argv) > 2 else 5))
    elif sys.argv[1:2] == ["site-once"]:
        print(json.dumps(measure_site()))
    else:
        print(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
