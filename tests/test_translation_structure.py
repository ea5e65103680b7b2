"""A translation keeps its English page's links, citations, anchors, markers and code."""

from __future__ import annotations

from wayout.translation_structure import structure_problems

ENGLISH = """\
---
type: page
title: Exit work
---

# Exit work

Mentoring helps [@horgan2009walking; @koehler2017understanding].
See [the cards](../what-works/index.md) and [aftercare](../what-works/aftercare.md#gaps).

## Gaps in the evidence {#gaps}

<!-- evidence-rating: mentoring -->

```
make serve
```

```diagram
kind: flow
title: Steps
description: Two steps.
steps: [One, Two]
```
"""

FRENCH = """\
---
type: page
title: Le travail de sortie
---

# Le travail de sortie

Le mentorat aide [@horgan2009walking; @koehler2017understanding].
Voir [les fiches](../what-works/index.md) et [le suivi](../what-works/aftercare.md#gaps).

## Lacunes des connaissances {#gaps}

<!-- evidence-rating: mentoring -->

```
make serve
```

```diagram
kind: flow
title: Étapes
description: Deux étapes.
steps: [Un, Deux]
```
"""


def problems(translation: str) -> list[str]:
    return [str(problem) for problem in structure_problems(ENGLISH, translation, "docs/fr/p.md", "docs/en/p.md")]


def test_a_faithful_translation_with_a_translated_diagram_passes():
    assert problems(FRENCH) == []


def test_every_lost_or_changed_item_is_reported():
    broken = (
        FRENCH.replace("; @koehler2017understanding", "")
        .replace("(../what-works/index.md)", "(../what-works/)")
        .replace(" {#gaps}", "")
        .replace("<!-- evidence-rating: mentoring -->", "")
        .replace("make serve", "make servir")
    )
    result = problems(broken)
    assert "docs/fr/p.md:6: the link target `../what-works/index.md` of docs/en/p.md is missing — keep the link target exactly as in the English page; translate only the link text" in result
    assert "docs/fr/p.md:9: the link target `../what-works/` is not in docs/en/p.md — keep the link target exactly as in the English page; translate only the link text" in result
    assert "docs/fr/p.md:6: the citation key `koehler2017understanding` of docs/en/p.md is missing — keep every citation of the English page, with the same keys" in result
    assert "docs/fr/p.md:6: the heading anchor `gaps` of docs/en/p.md is missing — keep `{#…}` after the translated heading, as in the English page" in result
    assert "docs/fr/p.md:6: the marker `evidence-rating: mentoring` of docs/en/p.md is missing — keep the HTML comment exactly as in the English page" in result
    assert any(line.startswith("docs/fr/p.md:6: the code block `make serve…` of docs/en/p.md is missing") for line in result)
    assert any(line.startswith("docs/fr/p.md:16: the code block `make servir…` is not in docs/en/p.md") for line in result)
    assert len(result) == 7
