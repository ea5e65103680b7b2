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
from markdown.extensions.attr_list import AttrListExtension
from markdown.preprocessors import Preprocessor

from wayout.bibliography.cache import BibliographyCache
from wayout.bibliography.citations import escaped_at_signs, find_citations, unknown_key_problems
from wayout.bibliography.formatting import ReferenceFormatter
from wayout.bibliography.in_text import reference_anchor
from wayout.bibliography.topics import TopicLabels, read_topic_labels
from wayout.problems import Problem, ProblemsFound
from wayout.ui_strings import load_ui_strings

BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
REFERENCES_ID = "references"
EXPORT_FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
BIBLIOGRAPHY_DOWNLOAD_STEM = "downloads/wayout-bibliography"


def cited_in_placeholder(key: str) -> str:
    return f"<!--wayout-cited-in:{key}-->"


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
    source: str = "<page>"
    line_offset: int = 0
    # Where the page's own reference downloads are (None: offer none), and the way to the site root.
    page_downloads_stem: str | None = None
    site_root: str = ""
    problems: list[Problem] = field(default_factory=list)
    cited_keys: list[str] = field(default_factory=list)
    has_bibliography: bool = False
    # Keys the page names outside its text (a profile's sources, for example), listed among its
    # references as if cited. Set by the host after start_page().
    also_cite: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.build_language = self.language

    def t(self, key: str) -> str:
        return self.translate(key, self.language)

    def start_page(
        self,
        source: str,
        line_offset: int = 0,
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

    def render(self, markdown: Markdown, text: str) -> str:
        """The page's Markdown with citations replaced by stashed HTML and the reference list added."""
        citations = find_citations(text, self.line_offset)
        bibliography = self.formatter.bibliography
        problems = unknown_key_problems(citations, bibliography, self.source)
        self.problems.extend(problems)
        # A citation with an unknown key stays as written; the host stops the build on the problem.
        known = [citation for citation in citations if all(key in bibliography for key in citation.keys)]
        named = [key for key in self.also_cite if key in bibliography]
        self.cited_keys = list(dict.fromkeys([*(key for citation in known for key in citation.keys), *named]))
        replacements = [
            (citation.start, citation.end, self.formatter.citation(citation, self.language).html) for citation in known
        ]
        replacements += [(offset, offset + 1, None) for offset in escaped_at_signs(text)]
        pieces, position = [], 0
        for start, end, html in sorted(replacements, key=lambda replacement: replacement[0]):
            pieces.append(text[position:start])
            if html is not None:
                pieces.append(markdown.htmlStash.store(html))
            position = end
        pieces.append(text[position:])
        rendered = "".join(pieces)
        if BIBLIOGRAPHY_MARKER in rendered:
            self.has_bibliography = True
            rendered = rendered.replace(BIBLIOGRAPHY_MARKER, markdown.htmlStash.store(self.bibliography_html()))
        if self.cited_keys:
            rendered += self.references_markdown(markdown)
        return rendered

    def references_markdown(self, markdown: Markdown) -> str:
        entries = self.formatter.references(self.cited_keys, self.language)
        items = "\n".join(f'<li id="{reference_anchor(entry.key)}">{entry.html}</li>' for entry in entries)
        # Left out of the search index: searching an author should find the pages about the topic
        # and the bibliography page, not every page that happens to cite the author.
        html = f'<ul class="wayout-reference-list" data-search-exclude>\n{items}\n</ul>'
        if self.page_downloads_stem:
            html += "\n" + self._downloads_paragraph(self.t("references.download"), self.page_downloads_stem)
        heading = self.t("references.heading")
        return f"\n\n## {heading} {{#{REFERENCES_ID}}}\n\n{markdown.htmlStash.store(html)}"

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
        if "attr_list" not in md.treeprocessors:
            # The reference heading carries a fixed id, the same in every language.
            AttrListExtension().extendMarkdown(md)
        # After whitespace normalisation (30), before fenced code (25) and raw HTML blocks (20) are
        # stashed, so that code and markup are still visible to the citation parser, which skips them.
        md.preprocessors.register(CitationsPreprocessor(md, self.renderer), "wayout_citations", 28)


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
