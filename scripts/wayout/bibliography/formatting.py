"""Formatted references, made once per (key, language) and kept for the life of the bibliography."""

from __future__ import annotations

from collections.abc import Iterable

from wayout.bibliography.apa import ApaStyle, year_label
from wayout.bibliography.citations import Citation
from wayout.bibliography.disambiguation import disambiguate
from wayout.bibliography.formatted import FormattedEntry, RenderedText
from wayout.bibliography.in_text import format_citation, in_text_author
from wayout.bibliography.prepared import prepare_entries
from wayout.bibliography.sources import Bibliography
from wayout.bibliography.terms import Terms, TermBook, load_term_book


_CITATIONS_KEPT = 50_000


class ReferenceFormatter:
    """APA 7 references and citations for one loaded bibliography, in any language of terms.yml.

    A site of 5 languages × 2,000 entries formats at most 10,000 times, however many pages cite
    an entry; the names, labels and letters are worked out once for all languages.
    """

    def __init__(self, bibliography: Bibliography, term_book: TermBook | None = None):
        self.bibliography = bibliography
        self._term_book = term_book or load_term_book()
        self._prepared = disambiguate(prepare_entries(bibliography))
        self._styles: dict[str, ApaStyle] = {}
        self._formatted: dict[tuple[str, str], FormattedEntry] = {}
        self.formatted_count = 0  # entries actually formatted, not served from the cache
        # Pages cite the same works the same way over and over: "[@key]" is formatted once per language.
        self._citations: dict[tuple, RenderedText] = {}

    def terms(self, language: str) -> Terms:
        return self._term_book.for_language(language)

    def entry(self, key: str, language: str) -> FormattedEntry:
        cached = self._formatted.get((key, language))
        if cached is not None:
            return cached
        if key not in self._prepared:
            raise KeyError(f"no bibliography entry `{key}`; check citations with unknown_key_problems() first")
        prepared = self._prepared[key]
        style = self._style(language)
        reference = style.format_reference(prepared)
        formatted = FormattedEntry(
            key=key,
            language=language,
            html=reference.html,
            text=reference.text,
            in_text_author=in_text_author(prepared, style.terms),
            year_label=year_label(prepared, style.terms),
            sort_key=prepared.sort_key,
        )
        self._formatted[(key, language)] = formatted
        self.formatted_count += 1
        return formatted

    def references(self, keys: Iterable[str], language: str) -> list[FormattedEntry]:
        """The entries for `keys` (each once) in APA reference-list order: a page's reference list."""
        entries = [self.entry(key, language) for key in dict.fromkeys(keys)]
        return sorted(entries, key=lambda entry: entry.sort_key)

    def all_references(self, language: str) -> list[FormattedEntry]:
        return self.references(self.bibliography.keys(), language)

    def citation(self, citation: Citation, language: str, link: bool = True) -> RenderedText:
        """The in-text citation. It depends only on what is cited, and how, not on where."""
        key = (citation.items, citation.mode, language, link)
        rendered = self._citations.get(key)
        if rendered is None:
            if len(self._citations) >= _CITATIONS_KEPT:
                self._citations.clear()  # a long `mkdocs serve` session keeps every edit otherwise
            rendered = self._citations[key] = format_citation(
                citation, lambda key: self.entry(key, language), self.terms(language), link
            )
        return rendered

    def _style(self, language: str) -> ApaStyle:
        if language not in self._styles:
            self._styles[language] = ApaStyle(self.terms(language))
        return self._styles[language]
