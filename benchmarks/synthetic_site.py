"""Synthetic sites at any scale, built with the project's real plugins, templates and overrides.

A site has N pages (one in ten a literature review), M BibTeX references and P programme profiles in each of L languages
(the first L of the European Union's 24 official languages, the site's own five first). The same
Markdown files are written for two variants, so that the only difference between their builds is
what this project adds:

- "wayout": the real theme overrides, Markdown extensions and plugins (site, citations, framework,
  content; PDFs off, as in `make serve`), configured as mkdocs.yml configures them;
- "plain": Material for MkDocs with mkdocs-static-i18n and its search plugin, nothing of ours.

The site is shaped like the real one: the navigation lists the sections' landing pages, and the
many pages (reviews, profiles) are reached from those landing pages (`not_in_nav`), so that its
size grows with the content and not with the square of it. Every page of a language carries a word
found in no other language's pages (the language's own name for itself), so that a search can show
it stays in its language. Everything is drawn from a seeded random generator: the same size gives
the same site.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import material
import yaml

from benchmarks.corpus import GIVEN, JOURNALS, PUBLISHERS, SURNAMES, WORDS
from wayout.glossary_translations import english_entry_hash
from wayout.translations import HASH_LENGTH

REPOSITORY = Path(__file__).resolve().parent.parent

# (code, the language's name for itself): the site's five languages, then the rest of the
# European Union's official languages in alphabetical order of their codes.
EU_LANGUAGES = (
    ("en", "English"), ("fr", "Français"), ("de", "Deutsch"), ("nl", "Nederlands"), ("pt", "Português"),
    ("bg", "Български"), ("cs", "Čeština"), ("da", "Dansk"), ("el", "Ελληνικά"), ("es", "Español"),
    ("et", "Eesti"), ("fi", "Suomi"), ("ga", "Gaeilge"), ("hr", "Hrvatski"), ("hu", "Magyar"),
    ("it", "Italiano"), ("lt", "Lietuvių"), ("lv", "Latviešu"), ("mt", "Malti"), ("pl", "Polski"),
    ("ro", "Română"), ("sk", "Slovenčina"), ("sl", "Slovenščina"), ("sv", "Svenska"),
)
SITE_LANGUAGES = ("en", "fr", "de", "nl", "pt")
PAGES_PER_PART = 100
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
CITATIONS_PER_PAGE = 12
VARIANTS = ("plain", "wayout")

# Terms that occur in the synthetic prose, so that the glossary plugin has tooltips to add.
GLOSSARY_TERMS = (
    ("Aftercare", "Support that continues after a person leaves prison or a programme."),
    ("Desistance", "The process of stopping offending and staying stopped."),
    ("Disengagement", "Leaving violent action or an extremist group, whatever one still believes."),
    ("Mentoring", "A trusted person meeting someone regularly to support change."),
    ("Probation", "Supervision in the community by a probation service."),
    ("Reintegration", "Taking up a place in society again after prison."),
)
COUNTRIES = ("AT", "BE", "DE", "DK", "FR", "NL", "NO", "PT", "SE", "GB")
SETTINGS = ("prison", "probation", "community")
COMPONENTS = ("mentoring", "staff-training", "education-work", "family-work", "case-management")


@dataclass(frozen=True)
class SiteSize:
    pages: int  # pages of the research section per language, one in ten a review
    references: int
    profiles: int  # programme profiles per language
    languages: int

    def __post_init__(self):
        if not 1 <= self.languages <= len(EU_LANGUAGES):
            raise ValueError(f"languages must be 1 to {len(EU_LANGUAGES)}")
        if self.references < CITATIONS_PER_PAGE or self.pages < 1:
            raise ValueError(f"a site needs at least one page and {CITATIONS_PER_PAGE} references")

    @property
    def codes(self) -> list[str]:
        return [code for code, _ in EU_LANGUAGES[: self.languages]]

    @property
    def pages_in_all(self) -> int:
        """Every page of every language: the research pages, their part and section landing
        pages, the profiles, and home, programmes, framework, glossary and bibliography."""
        parts = -(-self.pages // PAGES_PER_PART)
        return self.languages * (self.pages + parts + 1 + self.profiles + 5)

    def label(self) -> str:
        return f"{self.pages} pages × {self.languages} languages"


def language_name(code: str) -> str:
    return dict(EU_LANGUAGES)[code]


# --- bibliography -----------------------------------------------------------------------------------


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}"


def _title(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, rng.randint(4, 8))).capitalize()


def bibliography(count: int, seed: int = 1) -> tuple[list[str], str]:
    """`count` entries of mixed types with keys shaped authorYYYYword; their keys and BibTeX text."""
    rng = random.Random(seed)
    keys: list[str] = []
    chunks = []
    used: set[str] = set()
    for index in range(count):
        authors = [_person(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 4]))]
        year = rng.randint(1995, 2024)
        surname = "".join(ch for ch in authors[0].split(",")[0].lower() if "a" <= ch <= "z")
        # Another word, then another year, until the key is new: keys stay shaped authorYYYYword.
        key, year = next((f"{surname}{candidate}{word}", candidate) for candidate in range(year, 3000)
                         for word in rng.sample(WORDS, len(WORDS)) if f"{surname}{candidate}{word}" not in used)
        used.add(key)
        keys.append(key)
        kind = rng.choice(["article", "article", "article", "book", "incollection", "techreport"])
        fields = {"author": " and ".join(authors), "title": _title(rng), "year": str(year)}
        if kind == "article":
            first = rng.randint(1, 500)
            fields.update(journal=rng.choice(JOURNALS), volume=str(rng.randint(1, 40)), number=str(rng.randint(1, 6)),
                          pages=f"{first}--{first + rng.randint(5, 30)}", doi=f"10.5555/synthetic.{index}")
        elif kind == "book":
            fields.update(publisher=rng.choice(PUBLISHERS), address="London")
        elif kind == "incollection":
            first = rng.randint(1, 300)
            fields.update(booktitle=_title(rng), editor=_person(rng), publisher=rng.choice(PUBLISHERS),
                          pages=f"{first}--{first + rng.randint(10, 30)}")
        else:
            fields.update(institution="Radicalisation Awareness Network")
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        chunks.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return keys, "\n".join(chunks)


# --- pages ------------------------------------------------------------------------------------------


def _front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _sentence(rng: random.Random, words: int, marker: str) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f"{text.capitalize()} {marker}"


def _page_body(rng: random.Random, title: str, keys: list[str], marker: str, review: bool) -> str:
    """The kinds of Markdown the real pages use: sections, citations, a table, a list, an
    admonition and a footnote. A review is as long as the real ones must be (1,500 words and more,
    with a section on gaps in the evidence); other pages about 600 words."""
    cited = rng.sample(keys, CITATIONS_PER_PAGE)
    sections = 8 if review else 3
    sentences = 4 if review else 2
    lines = [f"# {title}", ""]
    lines += [_sentence(rng, 18, marker) + ".", f"Mentoring and aftercare support desistance [@{cited[0]}].", ""]
    for section in range(sections):
        heading = f"## Section {section + 1}"
        if review and section == sections - 1:
            heading = "## Gaps in the evidence {#gaps}"
        lines += [heading, ""]
        for paragraph in range(3):
            key = cited[1 + (section * 3 + paragraph) % 9]
            lines += [_sentence(rng, 20, "") + f"[@{key}]."]
            lines += [_sentence(rng, 16, "reintegration") + "." for _ in range(sentences - 1)] + [""]
        if section == 0:
            lines += ["| Setting | Approach | Evidence |", "|---|---|---|"]
            lines += [f"| {rng.choice(SETTINGS)} | {rng.choice(COMPONENTS)} | {rng.choice(WORDS)} |" for _ in range(4)]
            lines += [""]
        if section == 1:
            lines += [f"- {_sentence(rng, 8, '')}" for _ in range(4)] + [""]
            lines += ['!!! note "Limits"', "", f"    {_sentence(rng, 14, '')} [@{cited[10]}].", ""]
    lines += [f"Probation and disengagement are discussed by @{cited[11]}.[^1]", "", f"[^1]: {_sentence(rng, 10, marker)}.", ""]
    return "\n".join(lines)


def _profile(rng: random.Random, number: int, keys: list[str], marker: str) -> tuple[dict, str]:
    sources = rng.sample(keys, 3)
    evaluations = []
    if number % 3 == 0:
        evaluations.append({
            "study": f"Evaluation {number}", "design_level": rng.choice([1, 2, 3]), "outcome": "disengagement",
            "result": rng.choice(["favourable", "mixed", "no-effect"]), "significant": False, "independent": True,
            "year": rng.randint(2010, 2024), "source": sources[0],
        })
    front = {
        "type": "programme",
        "title": f"Programme {number} {marker}",
        "summary": _sentence(rng, 24, marker) + ".",
        "names": {"original": f"Programme {number}"},
        "country": rng.choice(COUNTRIES),
        "operator": rng.choice(["state", "ngo"]),
        "settings": sorted(rng.sample(SETTINGS, 2)),
        "status": rng.choice(["active", "unknown"]),
        "ideologies": ["any"],
        "participation": rng.choice(["voluntary", "mixed"]),
        "components": sorted(rng.sample(COMPONENTS, 2)),
        "evaluations": evaluations,
        "cost_band": "unknown",
        "last_reviewed": "2026-11-27",
        "sources": sources,
    }
    body = (f"# Programme {number} {marker}\n\n## How it works\n\n{_sentence(rng, 20, '')}[@{sources[0]}].\n"
            f"{_sentence(rng, 18, marker)}[@{sources[1]}].\n\n## Limits of what is known\n\n"
            f"{_sentence(rng, 16, '')}[@{sources[2]}].\n")
    return front, body


def _part_of(number: int) -> str:
    return f"research/part-{number // PAGES_PER_PART + 1:02d}"


def english_pages(size: SiteSize, keys: list[str], marker: str) -> dict[str, str]:
    """{path inside the language folder: Markdown}, for one language; `marker` is its word."""
    rng = random.Random(7)
    files: dict[str, str] = {}

    def page(path: str, front: dict, body: str) -> None:
        files[path] = _front_matter(front) + body

    page("index.md", {"type": "page", "title": f"Home {marker}"},
         f"# Home {marker}\n\nA synthetic site of {size.pages} reviews and {size.profiles} programme profiles.\n")
    parts = sorted({_part_of(number) for number in range(size.pages)})
    page("research/index.md", {"type": "page", "title": f"Research {marker}"},
         f"# Research {marker}\n\n" + "".join(f"- [Part {part[-2:]}]({part.split('/')[1]}/index.md)\n" for part in parts))
    for part in parts:
        numbers = [number for number in range(size.pages) if _part_of(number) == part]
        links = "".join(f"- [Page {number}](page-{number:04d}.md)\n" for number in numbers)
        page(f"{part}/index.md", {"type": "page", "title": f"Part {part[-2:]} {marker}"}, f"# Part {part[-2:]} {marker}\n\n{links}")
    for number in range(size.pages):
        # One page in ten is a literature review, as in the real site's research section.
        review = number % 10 == 0
        title = f"{'Review' if review else 'Page'} {number} {marker}"
        front = {"type": "review", "title": title, "summary": _sentence(rng, 30, marker) + ".",
                 "audiences": ["practitioners", "researchers"], "last_reviewed": "2026-11-27"} if review else \
                {"type": "page", "title": title, "summary": _sentence(rng, 20, marker) + "."}
        page(f"{_part_of(number)}/page-{number:04d}.md", front, _page_body(rng, title, keys, marker, review))
    page("programmes/index.md", {"type": "page", "title": f"Programmes {marker}", "hide": ["toc"]},
         f"# Programmes {marker}\n\nProfiles of synthetic programmes.\n\n<!-- programme-catalogue -->\n\n"
         "## Open data\n\n<!-- open-data -->\n")
    for number in range(size.profiles):
        front, body = _profile(rng, number, keys, marker)
        page(f"programmes/programme-{number:04d}.md", front, body)
    tables = "".join(f"## {name.title()}\n\n<!-- framework-table: {name} -->\n\n"
                     for name in ("design-levels", "ratings", "strength", "emmie", "practice"))
    page("framework/index.md", {"type": "page", "title": f"Evaluation framework {marker}"},
         f"# Evaluation framework {marker}\n\nHow profiles are rated.\n\n{tables}")
    page("glossary/index.md", {"type": "page", "title": f"Glossary {marker}"}, f"# Glossary {marker}\n\n<!-- glossary -->\n")
    page("bibliography/index.md", {"type": "page", "title": f"Bibliography {marker}"},
         f"# Bibliography {marker}\n\n<!-- bibliography -->\n")
    return files


def _glossary(code: str) -> str:
    entries = []
    for term, definition in GLOSSARY_TERMS:
        entry = {"term": term, "definition": definition}
        if code != "en":
            entry = {"term": term, "en": term, "en_hash": english_entry_hash(entry), "definition": definition}
        entries.append(entry)
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)


def write_docs(docs: Path, size: SiteSize, keys: list[str]) -> None:
    """Every language's pages; a translation is the English page with the language's own word and
    a translation record that marks it current."""
    english = english_pages(size, keys, language_name("en"))
    for code in size.codes:
        pages = english if code == "en" else english_pages(size, keys, language_name(code))
        for path, text in pages.items():
            target = docs / code / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if code != "en":
                record = f"translation:\n  source_hash: {json.dumps(source_hash_of_text(english[path]))}\n---\n"
                text = text.replace("\n---\n", "\n" + record, 1)
            target.write_text(text, encoding="utf-8")
        (docs / code / "glossary" / "terms.yml").write_text(_glossary(code), encoding="utf-8")


def source_hash_of_text(text: str) -> str:
    """wayout.translations.source_hash of a file holding `text`, without writing one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


# --- configuration ---------------------------------------------------------------------------------

NAV_SECTIONS = (("Research", "research/index.md"), ("Programmes", "programmes/index.md"),
                ("Evaluation framework", "framework/index.md"), ("Glossary", "glossary/index.md"),
                ("Bibliography", "bibliography/index.md"))
STANDARD_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                       {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences"]


def config(size: SiteSize, variant: str, theme_dir: Path | None) -> dict:
    languages = [{"locale": code, "name": language_name(code), "build": True, **({"default": True} if code == "en" else {})}
                 for code in size.codes]
    # As mkdocs.yml configures it, for both variants: static-i18n's own search merging compares
    # every entry with every other, and a baseline slowed by that would flatter our plugins.
    i18n = {"i18n": {"docs_structure": "folder", "fallback_to_default": True, "reconfigure_material": True,
                     "reconfigure_search": False, "languages": languages}}
    theme = {"name": "material", "language": "en", "font": False,
             "features": ["navigation.indexes", "navigation.footer", "search.highlight", "content.tooltips"]}
    if theme_dir is not None:
        theme["custom_dir"] = str(theme_dir)
    settings = {
        "site_name": "Synthetic WayOut",
        "docs_dir": "docs",
        "strict": True,
        "theme": theme,
        "markdown_extensions": STANDARD_EXTENSIONS,
        "not_in_nav": "/*/research/part-*/*.md\n/*/programmes/programme-*.md\n",
        "validation": {"omitted_files": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        "nav": [{"Home": "index.md"}, *({title: path} for title, path in NAV_SECTIONS)],
        "plugins": ["search", i18n],
    }
    if variant == "wayout":
        settings["extra_css"] = ["assets/stylesheets/wayout.css", "assets/stylesheets/print.css"]
        settings["extra_javascript"] = [f"assets/javascripts/{name}.js" for name in
                                        ("citations", "tables", "bibliography", "catalogue", "framework", "self-assessment")]
        # The project has interface texts for its own five languages; the others show English ones.
        english_interface = [code for code in size.codes if code not in SITE_LANGUAGES]
        site = {"wayout-site": {"english_interface": english_interface}} if english_interface else "wayout-site"
        settings["plugins"] += [site, "wayout-citations", "wayout-framework", "wayout-content"]
    return settings


def write_site(root: Path, size: SiteSize, variant: str) -> Path:
    """Write one variant of the site under `root` and return its mkdocs.yml. The docs and the
    bibliography are the same for both variants."""
    if variant not in VARIANTS:
        raise ValueError(f"variant is one of {', '.join(VARIANTS)}")
    if root.exists():
        shutil.rmtree(root)
    keys, bibtex = bibliography(size.references)
    (root / "bibliography").mkdir(parents=True)
    (root / "bibliography" / "synthetic.bib").write_text(bibtex, encoding="utf-8")
    labels = {code: "Synthetic" for code in size.codes}
    (root / "bibliography" / "topics.yml").write_text(yaml.safe_dump({"synthetic": labels}), encoding="utf-8")
    write_docs(root / "docs", size, keys)
    theme_dir = REPOSITORY / "overrides" if variant == "wayout" else None
    missing = [code for code in size.codes if not (MATERIAL_LANGUAGES / f"{code}.html").is_file()]
    if variant == "plain" and missing:
        # Plain Material cannot build a language it has no interface texts for: it gets only the
        # project's stand-ins for those (overrides/partials/languages/), nothing else of ours.
        theme_dir = root / "theme"
        (theme_dir / "partials" / "languages").mkdir(parents=True)
        for code in missing:
            shutil.copy(REPOSITORY / "overrides" / "partials" / "languages" / f"{code}.html", theme_dir / "partials" / "languages")
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config(size, variant, theme_dir), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file
