"""Pandoc-style citations rendered as APA 7 author–date links, and a reference list for each page.

    [@key]  [@a; @b]  [see @key, p. 12]  [-@key]  @key  \\@ (a literal at sign)

A page that cites ends with a "References" section listing each cited work once, in APA order, with
the page's references offered as downloads. A line holding only `<!-- bibliography -->` becomes the
whole bibliography, grouped by topic, with a filter form and a "cited in" placeholder per entry that
the build fills once every page has been rendered.

This module imports no MkDocs: the MkDocs plugin hands it a CitationRenderer per build, and any other
Python-Markdown host can use `makeExtension(bibliography_dir=..., language=...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from wayout.bibliography.cache import BibliographyCache
from wayout.bibliography.citations import escaped_at_signs, find_citations, unknown_key_problems
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.in_text import reference_anchor
from wayout.bibliography.topics import TopicLabels, read_topic_labels
from wayout.problems import Problem, ProblemsFound
from wayout.text_cache import TextCache
from wayout.ui_strings import load_ui_strings

BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
REFERENCES_ID = "references"
EXPORT_FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
BIBLIOGRAPHY_DOWNLOAD_STEM = "downloads/wayout-bibliography"


_DEFERRED_OPEN, _DEFERRED_CLOSE = "<!--wayout-deferred:", "-->"  # around the fragment's number


_CITED_IN_OPEN = "<!--wayout-cited-in:"
_CITED_IN_CLOSE = "-->"


def cited_in_placeholder(key: str) -> str:
    return f"{_CITED_IN_OPEN}{key}{_CITED_IN_CLOSE}"


def fill_cited_in(html: str, cited_in_line: Callable[[str], str]) -> str:
    """The bibliography page with each entry's placeholder replaced by cited_in_line(its key)."""
    pieces = html.split(_CITED_IN_OPEN)
    filled = [pieces[0]]
    for piece in pieces[1:]:
        key, close, rest = piece.partition(_CITED_IN_CLOSE)
        filled += (cited_in_line(key), rest) if close else (_CITED_IN_OPEN, piece)
    return "".join(filled)


def fill_deferred(html: str, fragments: list[str]) -> str:
    """Put a page's deferred citation and reference-list HTML in place of its placeholders."""
    if not fragments:
        return html
    # Cut at the placeholders with str.split, which finds them in a whole page (navigation and
    # all) far faster than a regular expression trying every "<" of the page.
    pieces = html.split(_DEFERRED_OPEN)
    filled = [pieces[0]]
    for piece in pieces[1:]:
        number, close, rest = piece.partition(_DEFERRED_CLOSE)
        if close and number.isdecimal():  # what `\d+` matches
            filled += (fragments[int(number)], rest)
        else:
            filled += (_DEFERRED_OPEN, piece)
    return "".join(filled)


# Far more than a site's pages in all its languages: only a long editing session reaches it.
PAGE_CACHE_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What a page's text holds: its citations' HTML and where it goes, and its problems."""

    replacements: tuple[tuple[int, int, str | None], ...]  # (start, end, HTML or None to delete), in order
    cited_keys: tuple[str, ...]
    problems: tuple[Problem, ...]  # lines counted from the text's first line, without the offset


@dataclass
class CitationRenderer:
    """Everything a page's citations are rendered with, and what rendering the page found.

    The host sets `source`, `line_offset` and the link prefixes before each page; after it, reads
    `cited_keys`, `has_bibliography` and `problems`.
    """

    formatter: ReferenceFormatter
    language: str
    topics: TopicLabels = field(default_factory=lambda: TopicLabels({}))
    translate: Callable[[str, str], str] = field(default_factory=lambda: load_ui_strings().translate)
    # The page's path as problems name it, and the lines before its text (front matter); either may
    # be a function giving it, since only a page with a problem needs them.
    source: str | Callable[[], str] = "<page>"
    line_offset: int | Callable[[], int] = 0
    # Where the page's own reference downloads are (None: offer none), and the way to the site root.
    page_downloads_stem: str | None = None
    site_root: str = ""
    problems: list[Problem] = field(default_factory=list)
    cited_keys: list[str] = field(default_factory=list)
    has_bibliography: bool = False
    # Keys the page names outside its text (a profile's sources, for example), listed among its
    # references as if cited. Set by the host after start_page().
    also_cite: list[str] = field(default_factory=list)
    # Deferred: the page gets HTML comments where citations and the reference list go, and their
    # HTML waits in `deferred` until the host calls fill_deferred() on the finished page. MkDocs
    # hosts defer so that Material's search indexer, which parses every page's HTML in Python, does
    # not parse thousands of citation links and reference entries it would leave out of the index.
    defer: bool = False
    deferred: list[str] = field(default_factory=list)
    references_heading_added: bool = False
    # What parsing a page's text found, by text and language, for hosts that render the same pages
    # again (`mkdocs serve`). Only valid for this formatter: a new bibliography needs a new cache.
    page_cache: TextCache[ParsedPage] | None = None

    def __post_init__(self):
        self.build_language = self.language

    def t(self, key: str) -> str:
        return self.translate(key, self.language)

    def start_page(
        self,
        source: str | Callable[[], str],
        line_offset: int | Callable[[], int] = 0,
        page_downloads_stem: str | None = None,
        site_root: str = "",
        language: str | None = None,
    ) -> None:
        """Before each page. `language`: the language the page is written in, when not the build's
        (an untranslated page shown in another language keeps its own citation terms)."""
        self.language = language or self.build_language
        self.source, self.line_offset = source, line_offset
        self.page_downloads_stem, self.site_root = page_downloads_stem, site_root
        self.cited_keys, self.has_bibliography, self.also_cite = [], False, []
        self.deferred, self.references_heading_added = [], False

    def _place(self, markdown: Markdown, html: str) -> str:
        if not self.defer:
            return markdown.htmlStash.store(html)
        self.deferred.append(html)
        return markdown.htmlStash.store(f"<!--wayout-deferred:{len(self.deferred) - 1}-->")

    def render(self, markdown: Markdown, text: str) -> str:
        """The page's Markdown with citations replaced by stashed HTML and the reference list added."""
        parsed = self._parsed(text)
        if parsed.problems:
            offset = self.line_offset() if callable(self.line_offset) else self.line_offset
            source = self.source() if callable(self.source) else self.source
            self.problems.extend(
                Problem(source, problem.line + offset, problem.message, problem.fix) for problem in parsed.problems
            )
        bibliography = self.formatter.bibliography
        named = [key for key in self.also_cite if key in bibliography]
        self.cited_keys = list(dict.fromkeys([*parsed.cited_keys, *named]))
        pieces, position = [], 0
        for start, end, html in parsed.replacements:
            pieces.append(text[position:start])
            if html is not None:
                pieces.append(self._place(markdown, html))
            position = end
        pieces.append(text[position:])
        rendered = "".join(pieces)
        if BIBLIOGRAPHY_MARKER in rendered:
            self.has_bibliography = True
            rendered = rendered.replace(BIBLIOGRAPHY_MARKER, markdown.htmlStash.store(self.bibliography_html()))
        if self.cited_keys:
            rendered += self.references_markdown(markdown)
        return rendered

    def _parsed(self, text: str) -> ParsedPage:
        if self.page_cache is None:
            return self._parse(text)
        return self.page_cache.get(text, lambda: self._parse(text), self.language)

    def _parse(self, text: str) -> ParsedPage:
        citations = find_citations(text)
        bibliography = self.formatter.bibliography
        entries = bibliography.entries
        # A citation with an unknown key stays as written; the host stops the build on the problem.
        known = [citation for citation in citations if all(item.key in entries for item in citation.items)]
        replacements = [
            (citation.start, citation.end, self.formatter.citation(citation, self.language).html) for citation in known
        ]
        replacements += [(offset, offset + 1, None) for offset in escaped_at_signs(text)]
        return ParsedPage(
            replacements=tuple(sorted(replacements, key=lambda replacement: replacement[0])),
            cited_keys=tuple(dict.fromkeys(key for citation in known for key in citation.keys)),
            problems=tuple(unknown_key_problems(citations, bibliography, "")),
        )

    def references_markdown(self, markdown: Markdown) -> str:
        entries = self.formatter.references(self.cited_keys, self.language)
        items = "\n".join(f'<li id="{reference_anchor(entry.key)}">{entry.html}</li>' for entry in entries)
        # Left out of the search index: searching an author should find the pages about the topic
        # and the bibliography page, not every page that happens to cite the author.
        html = f'<ul class="wayout-reference-list" data-search-exclude>\n{items}\n</ul>'
        if self.page_downloads_stem:
            html += "\n" + self._downloads_paragraph(self.t("references.download"), self.page_downloads_stem)
        # The heading stays Markdown so that it is in the table of contents; ReferencesHeadingId gives
        # it the same id in every language.
        self.references_heading_added = True
        return f"\n\n## {self.t('references.heading')}\n\n{self._place(markdown, html)}"

    def bibliography_html(self) -> str:
        entries = self.formatter.all_references(self.language)
        bibliography = self.formatter.bibliography
        topics = sorted({bibliography[entry.key].topic for entry in entries}, key=lambda topic: self.topics.label(topic, self.language).casefold())
        types = sorted({bibliography[entry.key].type for entry in entries}, key=lambda kind: self.t(f"type.{kind}").casefold())
        list_id = "wayout-bibliography"
        all_label = escape(self.t("bibliography.all"))
        topic_options = "".join(f'<option value="{topic}">{escape(self.topics.label(topic, self.language))}</option>' for topic in topics)
        type_options = "".join(f'<option value="{kind}">{escape(self.t(f"type.{kind}"))}</option>' for kind in dict.fromkeys(types))
        form = (
            f'<form class="wayout-bib-filter" data-bib-filter aria-controls="{list_id}" aria-label="{escape(self.t("bibliography.filter"))}" hidden>'
            f'<div><label for="wayout-bib-topic">{escape(self.t("bibliography.topic"))}</label>'
            f'<select id="wayout-bib-topic" name="topic"><option value="">{all_label}</option>{topic_options}</select></div>'
            f'<div><label for="wayout-bib-type">{escape(self.t("bibliography.type"))}</label>'
            f'<select id="wayout-bib-type" name="type"><option value="">{all_label}</option>{type_options}</select></div>'
            f'<div><label for="wayout-bib-words">{escape(self.t("bibliography.words"))}</label>'
            f'<input id="wayout-bib-words" name="q" type="search" autocomplete="off"></div>'
            f'<div><button type="reset" class="md-button">{escape(self.t("bibliography.reset"))}</button></div>'
            f'<p role="status" aria-live="polite" data-template="{escape(self.t("bibliography.shown"))}"></p>'
            f"</form>"
        )
        groups = []
        for topic in topics:
            items = "\n".join(
                f'<li id="{reference_anchor(entry.key)}" data-bib-entry data-topic="{topic}" data-type="{bibliography[entry.key].type}">'
                f'{entry.html} <span class="wayout-entry-type">{escape(self.t("type." + bibliography[entry.key].type))}</span>'
                f"{cited_in_placeholder(entry.key)}</li>"
                for entry in entries
                if bibliography[entry.key].topic == topic
            )
            label = escape(self.topics.label(topic, self.language))
            groups.append(
                f'<section data-bib-group aria-labelledby="topic-{topic}">'
                f'<h2 id="topic-{topic}">{label}</h2>\n<ul class="wayout-reference-list">\n{items}\n</ul></section>'
            )
        downloads = self._downloads_paragraph(self.t("bibliography.download"), self.site_root + BIBLIOGRAPHY_DOWNLOAD_STEM)
        return f'{downloads}\n{form}\n<div id="{list_id}" class="wayout-bibliography">\n' + "\n".join(groups) + "\n</div>"

    def cited_in_html(self, links: list[tuple[str, str]], language: str) -> str:
        """The "cited in" line of a bibliography entry from (href, page title) pairs."""
        if not links:
            return ""
        anchors = ", ".join(f'<a href="{escape(href)}">{escape(title)}</a>' for href, title in links)
        label = escape(self.translate("bibliography.cited_in", language))
        return f'<span class="wayout-cited-in">{label} {anchors}</span>'

    @staticmethod
    def _downloads_paragraph(label: str, stem: str) -> str:
        links = " · ".join(f'<a href="{escape(stem)}.{suffix}" download>{name}</a>' for suffix, name in EXPORT_FORMATS)
        return f'<p class="wayout-downloads">{escape(label)} {links}</p>'


class CitationsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, renderer: CitationRenderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, lines: list[str]) -> list[str]:
        return self.renderer.render(self.md, "\n".join(lines)).split("\n")


class ReferencesHeadingId(Treeprocessor):
    """Gives the References heading the id citations link to, without needing attr_list."""

    def __init__(self, md: Markdown, renderer: CitationRenderer):
        super().__init__(md)
        self.renderer = renderer

    def run(self, root) -> None:
        if not self.renderer.references_heading_added:
            return
        # The heading was appended after everything the author wrote: it is the last h2 of the
        # page (footnotes, which come after it, are a div).
        for element in reversed(root):
            if element.tag == "h2":
                element.set("id", REFERENCES_ID)
                return


class CitationsExtension(Extension):
    def __init__(self, renderer: CitationRenderer | None = None, **kwargs):
        self.config = {
            "bibliography_dir": ["bibliography", "Folder of the .bib files (used when no renderer is given)"],
            "language": ["en", "Language of citation terms and labels (used when no renderer is given)"],
        }
        super().__init__(**kwargs)
        self.renderer = renderer

    def extendMarkdown(self, md: Markdown) -> None:
        if self.renderer is None:
            self.renderer = standalone_renderer(Path(self.getConfig("bibliography_dir")), self.getConfig("language"))
        # After whitespace normalisation (30), before fenced code (25) and raw HTML blocks (20) are
        # stashed, so that code and markup are still visible to the citation parser, which skips them.
        md.preprocessors.register(CitationsPreprocessor(md, self.renderer), "wayout_citations", 28)
        # Before toc (5), which keeps an id it finds and would otherwise make one from the
        # translated heading text.
        md.treeprocessors.register(ReferencesHeadingId(md, self.renderer), "wayout_references_id", 9)


_STANDALONE_CACHES: dict[Path, BibliographyCache] = {}


def standalone_renderer(folder: Path, language: str) -> CitationRenderer:
    cache = _STANDALONE_CACHES.setdefault(folder.resolve(), BibliographyCache(folder))
    formatter = cache.formatter()
    labels, problems = read_topic_labels(folder, formatter.bibliography.topics(), [language])
    if problems:
        raise ProblemsFound(problems)
    return CitationRenderer(formatter, language, labels)


def makeExtension(**kwargs) -> CitationsExtension:  # noqa: N802 - the name Python-Markdown looks for
    return CitationsExtension(**kwargs)
