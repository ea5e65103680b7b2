"""Synthetic sites for benchmarks: N pages citing from M BibTeX entries, reproducible from a seed.

The same pages are written for every variant of a comparison (no citations, ours, another plugin),
so that the only difference between two builds is the citation processing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

SURNAMES = [
    "Horgan", "Koehler", "Bjørgo", "Altier", "Braddock", "Maruna", "Ward", "Andrews", "Bonta", "Lloyd",
    "Dean", "Silke", "Schuurman", "Heide", "Cherney", "Pettinger", "Marsden", "Webber", "Kruglanski",
    "Ferguson", "McNeill", "Farrall", "Weilnböck", "Grossman", "Raets", "Lösel", "King", "Monahan",
    "Pressman", "Meloy", "Borum", "Sarma", "Gielen", "Veldhuis", "Jensen", "Christensen", "Bouhana",
]
GIVEN = ["John", "Daniel", "Tore", "Mary", "Kurt", "Shadd", "Tony", "Don", "James", "Monica", "Chris",
         "Andrew", "Bart", "Liesbeth", "Adrian", "Sarah", "David", "Arie", "Fergus", "Noémie"]
WORDS = ["exit", "desistance", "prison", "probation", "mentoring", "identity", "family", "risk",
         "assessment", "reintegration", "disengagement", "radicalisation", "evaluation", "programme",
         "dialogue", "trust", "violence", "extremism", "aftercare", "cooperation", "practice", "theory"]
JOURNALS = ["Terrorism and Political Violence", "Journal for Deradicalization", "Studies in Conflict & Terrorism",
            "Journal of Peace Research", "Criminology & Criminal Justice", "Behavioral Sciences of Terrorism and Political Aggression"]
PUBLISHERS = ["Routledge", "Springer", "Palgrave Macmillan", "Oxford University Press", "Willan"]


@dataclass(frozen=True)
class CorpusSize:
    pages: int
    entries: int
    citations: int


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(4, 8))
    return " ".join(words).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}"


def bibtex_entries(count: int, seed: int = 1) -> tuple[list[str], str]:
    """`count` entries of mixed types; returns their keys and the BibTeX text."""
    rng = random.Random(seed)
    keys, chunks, used = [], [], set()
    for index in range(count):
        authors = [_person(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 4]))]
        year = rng.randint(1995, 2024)
        word = rng.choice(WORDS)
        base = f"{authors[0].split(',')[0].lower().replace('ø', 'o').replace('ö', 'o')}{year}{word}"
        key = base
        suffix = 0
        while key in used:
            suffix += 1
            key = f"{base}{chr(ord('a') + suffix % 26)}{suffix // 26 or ''}"
        used.add(key)
        keys.append(key)
        kind = rng.choice(["article", "article", "article", "book", "incollection", "techreport"])
        fields = {"author": " and ".join(authors), "title": _title(rng), "year": str(year)}
        if kind == "article":
            fields.update(journal=rng.choice(JOURNALS), volume=str(rng.randint(1, 40)),
                          number=str(rng.randint(1, 6)), pages=f"{(p := rng.randint(1, 500))}--{p + rng.randint(5, 30)}",
                          doi=f"10.5555/bench.{index}")
        elif kind == "book":
            fields.update(publisher=rng.choice(PUBLISHERS), address="London")
        elif kind == "incollection":
            fields.update(booktitle=_title(rng), editor=_person(rng), publisher=rng.choice(PUBLISHERS),
                          pages=f"{(p := rng.randint(1, 300))}--{p + rng.randint(10, 30)}")
        else:
            fields.update(institution="Radicalisation Awareness Network", url=f"https://example.org/report/{index}")
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        chunks.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return keys, "\n".join(chunks)


def pages(size: CorpusSize, keys: list[str], seed: int = 2) -> list[tuple[str, str, list[str]]]:
    """(file name, Markdown with `{cite:i}` markers, cited keys) for each page; citations spread evenly."""
    rng = random.Random(seed)
    per_page = [size.citations // size.pages + (1 if i < size.citations % size.pages else 0) for i in range(size.pages)]
    result = []
    for number, count in enumerate(per_page):
        cited = [rng.choice(keys) for _ in range(count)]
        paragraphs = []
        for index, key in enumerate(cited):
            sentence = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize()
            paragraphs.append(f"{sentence} {{cite:{index}}}.\n")
            if index % 3 == 2:
                paragraphs.append(f"## Section {index // 3}\n\n" + " ".join(rng.choice(WORDS) for _ in range(40)) + ".\n")
        text = f"---\ntitle: Page {number}\n---\n\n# Page {number}\n\n" + "\n".join(paragraphs)
        result.append((f"page-{number:04d}.md", text, cited))
    return result


def write_site(root: Path, size: CorpusSize, variant: str, *, theme_dir: Path | None = None) -> Path:
    """Write one variant of the synthetic site and return its mkdocs.yml.

    variant: "plain" (citation markers dropped), "wayout" (our plugin) or "mkdocs-bibtex".
    """
    keys, bibtex = bibtex_entries(size.entries)
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (root / "bibliography").mkdir(exist_ok=True)
    (root / "bibliography" / "synthetic.bib").write_text(bibtex, encoding="utf-8")
    (root / "bibliography" / "topics.yml").write_text('synthetic:\n  en: "Synthetic"\n', encoding="utf-8")
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\n# Home\n\nA synthetic site.\n", encoding="utf-8")
    for name, text, cited in pages(size, keys):
        for index, key in enumerate(cited):
            citation = "" if variant == "plain" else f" [@{key}]"
            text = text.replace(f" {{cite:{index}}}.", f"{citation}.", 1)
        (docs / name).write_text(text, encoding="utf-8")
    plugins = {
        "plain": "  - search\n",
        "wayout": "  - search\n  - wayout-citations:\n      bibliography_dir: bibliography\n",
        "mkdocs-bibtex": "  - search\n  - bibtex:\n      bib_dir: bibliography\n",
    }[variant]
    config = root / "mkdocs.yml"
    config.write_text(
        dedent(
            """\
            site_name: Benchmark
            theme:
              name: material
              font: false
            markdown_extensions:
              - footnotes
              - toc
            plugins:
            """
        )
        + plugins,
        encoding="utf-8",
    )
    return config
