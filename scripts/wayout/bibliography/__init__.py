"""The citation engine: BibTeX sources, Pandoc-style citations, APA 7 formatting, exports.

Plain Python with no MkDocs or Markdown imports, so that the MkDocs plugin and the Python-Markdown
extension stay thin adapters (and survive a move away from MkDocs). A build uses it like this:

    cache = BibliographyCache(project / "bibliography", root=project)   # keep one per process
    formatter = cache.formatter()              # parses only when a .bib file changed; ProblemsFound otherwise
    citations = find_citations(markdown, line_offset=front_matter_lines)
    problems = unknown_key_problems(citations, formatter.bibliography, "docs/en/page.md")
    for citation in reversed(citations):       # replace from the end so earlier offsets stay valid
        html = formatter.citation(citation, language).html
        markdown = markdown[: citation.start] + html + markdown[citation.end :]
    references = formatter.references(keys_cited_on_the_page, language)   # APA order, .html / .text
    # each reference's element id: in_text.reference_anchor(key), which citations link to

Modules: sources (read and check .bib files), citations (find citations, unknown keys), names,
prepared and disambiguation (APA facts worked out once per load), latex and casing (field values
as text, sentence case), apa (reference-list entries), terms and terms.yml (per-language terms),
in_text (author–date citations), render (HTML and text), formatting (per key and language cache),
cache (reuse across builds), exports (BibTeX, CSL-JSON, RIS), benchmark (speed).

Names are split as pybtex's Person splits them (sources.Name; `BibEntry.persons` gives Person
objects). pybtex's parsers read what the engine's own fast paths leave to
them (unusual BibTeX, names and values with braces or LaTeX), and latexcodec decodes LaTeX; these
are imported when first needed, so a build whose sources are plain does not load them.
"""
