"""The bad-input corpus: one contributor mistake per case, the file it is in, and what the checker
must say about it (file:line: message). tests/test_bad_input_corpus.py runs each case through
`wayout check` and `mkdocs build --strict`."""

from __future__ import annotations

from dataclasses import dataclass

PAGE = "---\ntype: page\ntitle: {title}\n---\n# {title}\n\n{body}\n"


def page(title: str, body: str) -> str:
    return PAGE.format(title=title, body=body)


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes]  # relative to the project root; replaces or adds
    expected: str  # "file:line: message" as both the checker and the build print it


CASES = [
    Case("front matter that is not YAML", {"docs/en/guide.md": "---\ntype: page\ntitle: [Guide\n---\n# Guide\n"},
         "docs/en/guide.md:3: the front matter is not valid YAML"),
    Case("front matter never closed", {"docs/en/guide.md": "---\ntype: page\ntitle: Guide\n# Guide\n"},
         "docs/en/guide.md:1: the front matter is never closed"),
    Case("no front matter at all", {"docs/en/guide.md": "# Guide\n\nText.\n"}, "docs/en/guide.md:1: the page has no YAML front matter"),
    Case("page without a type", {"docs/en/guide.md": "---\ntitle: Guide\n---\n# Guide\n"}, "docs/en/guide.md:1: the front matter has no `type`"),
    Case("unknown page type", {"docs/en/guide.md": "---\ntype: article\ntitle: Guide\n---\n# Guide\n"}, "docs/en/guide.md:2: unknown page type `article`"),
    Case("unknown front-matter field", {"docs/en/guide.md": "---\ntype: page\ntitle: Guide\nauthor: Me\n---\n# Guide\n"},
         "docs/en/guide.md:4: unknown field `author` for a page of type `page`"),
    Case("title that is not text", {"docs/en/guide.md": "---\ntype: page\ntitle: [1, 2]\n---\n# Guide\n"}, "docs/en/guide.md:3: `title`: [1, 2] is not of type 'string'"),
    Case("factsheet with a vocabulary value that does not exist",
         {"docs/en/sheet.md": "---\ntype: factsheet\ntitle: Sheet\nsummary: A sheet.\naudiences: [police, journalists]\n"
                              "key_messages: [One., Two., Three.]\nlast_reviewed: 2026-11-27\n---\n# Sheet\n\nText.\n"},
         "docs/en/sheet.md:5: `audiences.1` is 'journalists', which is not allowed"),
    Case("factsheet with six key messages",
         {"docs/en/sheet.md": "---\ntype: factsheet\ntitle: Sheet\nsummary: A sheet.\naudiences: [police]\n"
                              "key_messages: [One., Two., Three., Four., Five., Six.]\nlast_reviewed: 2026-11-27\n---\n# Sheet\n\nText.\n"},
         "docs/en/sheet.md:6: `key_messages`: ['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.'] is too long"),
    Case("date that is not a date",
         {"docs/en/sheet.md": "---\ntype: factsheet\ntitle: Sheet\nsummary: A sheet.\naudiences: [police]\n"
                              "key_messages: [One., Two., Three.]\nlast_reviewed: 27/11/2026\n---\n# Sheet\n\nText.\n"},
         "docs/en/sheet.md:7: `last_reviewed`: '27/11/2026' does not match"),
    Case("summary over 60 words",
         {"docs/en/guide.md": "---\ntype: page\ntitle: Guide\nsummary: " + " ".join(["word"] * 61) + "\n---\n# Guide\n"},
         "docs/en/guide.md:4: the summary has 61 words"),
    Case("unknown citation key", {"docs/en/guide.md": page("Guide", "A claim [@horgan2010rehabilitatin].")},
         "docs/en/guide.md:7: unknown citation key `horgan2010rehabilitatin`"),
    Case("unknown narrative citation in French", {"docs/fr/guide.md": page("Guide", "Selon @nobody2020nothing, rien.")},
         "docs/fr/guide.md:7: unknown citation key `nobody2020nothing`"),
    Case("BibTeX entry never closed", {"bibliography/extra.bib": "@book{smith2020book,\n  author = {Smith, Jane},\n  title = {Book\n"},
         "bibliography/extra.bib:1: entry `smith2020book` is not closed"),
    Case("BibTeX key used twice", {"bibliography/extra.bib": "@book{koehler2017understanding,\n  author = {Koehler, Daniel},\n"
                                                            "  title = {Again},\n  publisher = {Routledge},\n  year = {2017}\n}\n"},
         "bibliography/extra.bib:1: duplicate key `koehler2017understanding`: also defined at bibliography/deradicalisation.bib:11"),
    Case("BibTeX language the site does not know", {"bibliography/extra.bib": "@online{smithndpage,\n  author = {Smith, Jane},\n"
                                                                             "  title = {Seite},\n  langid = {deutsch},\n  url = {https://example.org}\n}\n"},
         "bibliography/extra.bib:1: entry `smithndpage` has the langid `deutsch`, which the site does not know"),
    Case("BibTeX article without its journal", {"bibliography/extra.bib": "@article{smith2020paper,\n  author = {Smith, Jane},\n"
                                                                         "  title = {Paper},\n  year = {2020}\n}\n"},
         "bibliography/extra.bib:1: @article `smith2020paper` has no `journal`"),
    Case("link to a page that does not exist", {"docs/en/guide.md": page("Guide", "See [the method](method.md).")},
         "docs/en/guide.md:7: the link `method.md` points at a page that does not exist"),
    Case("link to an anchor that does not exist", {"docs/en/guide.md": page("Guide", "See [gaps](index.md#gap).")},
         "docs/en/guide.md:7: `index.md` has no heading or anchor `#gap`"),
    Case("French link to an English-only anchor", {"docs/fr/guide.md": page("Guide", "Voir [les lacunes](index.md#gaps-in-evidence).")},
         "docs/fr/guide.md:7: `index.md` has no heading or anchor `#gaps-in-evidence`"),
    Case("image without alt text", {"docs/en/guide.md": page("Guide", "![](chart.png)")},
         "docs/en/guide.md:7: the image `chart.png` has no alt text"),
    Case("iframe", {"docs/en/guide.md": page("Guide", '<iframe src="https://example.org/video"></iframe>')},
         "docs/en/guide.md:7: raw HTML `<iframe>` is not allowed"),
    Case("script", {"docs/en/guide.md": page("Guide", "<script>alert(1)</script>")},
         "docs/en/guide.md:7: raw HTML `<script>` is not allowed"),
    Case("object", {"docs/en/guide.md": page("Guide", '<object data="film.swf"></object>')},
         "docs/en/guide.md:7: raw HTML `<object>` is not allowed"),
    Case("event attribute", {"docs/en/guide.md": page("Guide", '<p onmouseover="steal()">Text.</p>')},
         "docs/en/guide.md:7: an HTML event attribute (on…=) is not allowed"),
    Case("javascript address", {"docs/en/guide.md": page("Guide", "[Click](javascript:alert(1))")},
         "docs/en/guide.md:7: a `javascript:` address is not allowed"),
    Case("plain http link", {"docs/en/guide.md": page("Guide", "Read [the report](http://example.org/report.pdf).")},
         "docs/en/guide.md:7: the link `http://example.org/report.pdf` uses http://"),
    Case("link from the site's root", {"docs/en/guide.md": page("Guide", "Go [home](/en/index.md).")},
         "docs/en/guide.md:7: the link `/en/index.md` starts at the site's root"),
    Case("template text left in the body", {"docs/en/guide.md": page("Guide", "TODO: write this section.")},
         "docs/en/guide.md:7: unfilled template text `TODO`"),
    Case("template text left in the front matter",
         {"docs/en/guide.md": "---\ntype: page\ntitle: Guide\nsummary: \"TODO: one sentence.\"\n---\n# Guide\n"},
         "docs/en/guide.md:4: unfilled template text `TODO` in `summary`"),
    Case("two sentences on one line", {"docs/en/guide.md": page("Guide", "One sentence here. Another sentence there.")},
         "docs/en/guide.md:7: more than one sentence on this line"),
    Case("file that is not UTF-8", {"docs/en/guide.md": "---\ntype: page\ntitle: Caf\xe9\n---\n# Caf\xe9\n".encode("latin-1")},
         "docs/en/guide.md:1: the file is not UTF-8"),
    Case("translation that dropped a citation",
         {"docs/fr/index.md": "---\ntype: page\ntitle: Accueil\ntranslation:\n  source_hash: 0a0000000000\n---\n# Accueil\n\n"
                              "## Lacunes {#gaps}\n\nTexte.\n"},
         "docs/fr/index.md:7: the citation key `koehler2017understanding` of docs/en/index.md is missing"),
    Case("glossary field that does not exist",
         {"docs/en/glossary/terms.yml": "- term: Desistance\n  definition: \"Stopping offending.\"\n  colour: blue\n"},
         "docs/en/glossary/terms.yml:1: unknown glossary field `colour`"),
    Case("translated glossary entry naming no English term",
         {"docs/en/glossary/terms.yml": "- term: Desistance\n  definition: \"Stopping offending.\"\n",
          "docs/fr/glossary/terms.yml": "- term: Désistance\n  en: Desistence\n  definition: \"Cesser.\"\n"},
         "docs/fr/glossary/terms.yml:1: “Desistence” (`en:` of “Désistance”) is not an English glossary term"),
    Case("diagram label too long",
         {"docs/en/guide.md": page("Guide", "```diagram\nkind: flow\ntitle: Steps\ndescription: The steps.\nsteps:\n"
                                            "  - A label that is far too long to fit inside one box of the diagram\n  - Two\n```")},
         "docs/en/guide.md:12: the label “A label that is far too long to fit inside one box of the diagram” has 65 characters"),
]
