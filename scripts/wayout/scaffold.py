"""`wayout new`: a new English page of a given type, in the right folder, with front matter that
validates and guidance where the contributor has to write.

Every place to fill in says TODO, and `wayout check` reports each TODO with its line until it is
replaced, so a scaffolded page cannot be published half-written by accident.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# type: (folder under docs/<language>/, front matter, body). {title} and {today} are filled in.
TEMPLATES = {
    "programme": ("programmes", """\
type: programme
title: "{title}"
summary: "TODO: two plain sentences: who runs the programme, for whom, and what it does."
names:
  original: "{title}"  # the name in the programme's own language
country: "DE"  # TODO: the ISO 3166 code of the country (scripts/wayout/data/vocabularies.yml, countries)
operator: state  # TODO: state, ngo or mixed
settings: [prison]  # TODO: prison, probation, through-the-gate, community
status: unknown  # active, ended, pilot or unknown
ideologies: [any]  # islamist, far-right, far-left, separatist, any
participation: voluntary  # TODO: voluntary, mandated or mixed
components: [case-management]  # TODO: see vocabularies.yml, components
evaluations: []  # one entry per published evaluation; leave empty if there is none, and say so below
cost_band: unknown
last_reviewed: {today}
sources: []  # TODO: the bibliography keys of the sources this profile uses
""", """\
# {title}

<!-- Write one sentence per line, and cite a source for every fact: [@key]. -->

## How it works

TODO: what the programme does, who runs it and since when, with citations.

## Who it is for

TODO: the people it works with, and how they join.

## What evaluations found

TODO: the published evaluations and what they found, or "We found no published evaluation of this programme."

## Limits of what we know

TODO: what the sources do not say, and how independent they are.
"""),
    "evidence": ("what-works", """\
type: evidence
title: "{title}"
summary: "TODO: what the evidence says about this approach, in two plain sentences."
question: "TODO: the question this card answers."
component: mentoring  # TODO: the component (vocabularies.yml, components)
outcomes: [reoffending]  # TODO: vocabularies.yml, outcomes
evaluations: []  # the studies behind the rating (see the evaluation framework page)
behind_the_average: "TODO: for whom and where it seems to work better or worse, or that this is not known."
implementation: "TODO: what delivering it takes."
cost_band: unknown
harms: "TODO: any harm reported, or that none was studied."
gaps: "TODO: what is not known."
last_reviewed: {today}
key_studies: []  # TODO: bibliography keys
""", """\
# {title}

TODO: what the studies found, one sentence per line, each with its citation.
"""),
    "review": ("research", """\
type: review
title: "{title}"
summary: "TODO: the review's main finding in at most 60 words of plain language."
audiences: [researchers, practitioners]
last_reviewed: {today}
""", """\
# {title}

<!-- A review has at least 1,500 words, cites at least 10 works and ends with a "Gaps" section. -->

## Key points

TODO: three to five findings, each with citations.

## What this means for practice

TODO: what practitioners can take from the research.

## Gaps in the evidence {{#gaps}}

TODO: what is not known.
"""),
    "module": ("training", """\
type: module
title: "{title}"
summary: "TODO: what participants learn, in two plain sentences."
module: 99  # TODO: the module's number in the course
duration_minutes: 120
audiences: [practitioners]
prerequisites: []
objectives:
  - "TODO: Participants can …"
  - "TODO: Participants can …"
  - "TODO: Participants can …"
last_reviewed: {today}
""", """\
# {title}

## Content {{#content}}

TODO: the content, with citations.

## Exercises {{#exercises}}

TODO: exercises with their timing and materials.

## Case study {{#case-study}}

TODO: a fictional case study, which says that it is fictional.

## Self-check {{#self-check}}

??? question "TODO: a question"
    TODO: the answer.

## Trainer notes {{#trainer-notes}}

TODO: notes for the trainer.

## Handouts {{#handouts}}

TODO: what participants take away.
"""),
    "factsheet": ("awareness/factsheets", """\
type: factsheet
title: "{title}"
summary: "TODO: what the factsheet tells its readers, in one plain sentence."
audiences: [police]
key_messages:
  - "TODO: first key message."
  - "TODO: second key message."
  - "TODO: third key message."
last_reviewed: {today}
""", """\
# {title}

<!-- A factsheet's text fits on about one printed page: at most 550 words. -->

TODO: the text, in plain language, with a citation for every fact.
"""),
}


@dataclass(frozen=True)
class Scaffolded:
    path: Path
    slug: str


def slug_for(title: str) -> str:
    """"Exit programme in Wallonia (Belgium)" → "exit-programme-in-wallonia-belgium"."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def scaffold(page_type: str, title: str, docs_dir: Path, language: str = "en", today: date | None = None) -> Scaffolded:
    """Write the new page and return where. Raises ValueError with a reason a contributor can act on."""
    if page_type not in TEMPLATES:
        raise ValueError(f"unknown page type `{page_type}` — use one of: {', '.join(TEMPLATES)}")
    title = " ".join(title.split())
    if not title:
        raise ValueError("the title is empty — give the page's title in quotes")
    if '"' in title:
        raise ValueError("the title contains a double quote — use single quotes or typographic ones (“ ”) instead")
    base = slug_for(title)
    if not base:
        raise ValueError(f"the title “{title}” has no letters or digits to make a file name from — use a title in Latin script")
    folder_name, front_template, body_template = TEMPLATES[page_type]
    folder = docs_dir / language / folder_name
    slug, number = base, 2
    while (folder / f"{slug}.md").exists():  # a unique slug: a second page with the same title gets -2
        slug, number = f"{base}-{number}", number + 1
    values = {"title": title, "today": (today or date.today()).isoformat(), "slug": slug}
    text = "---\n" + front_template.format(**values) + "---\n\n" + body_template.format(**values)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return Scaffolded(path, slug)
