"""A small bibliography for citation tests, written into a test's temporary folder."""

from __future__ import annotations

from pathlib import Path

DERADICALISATION_BIB = """\
@article{horgan2010rehabilitating,
  author  = {Horgan, John and Braddock, Kurt},
  title   = {Rehabilitating the Terrorists?: Challenges in Assessing the Effectiveness of De-radicalization Programs},
  journal = {Terrorism and Political Violence},
  year    = {2010},
  pages   = {267--291},
  doi     = {10.1080/09546551003594748},
  verified = {provenance that must never be shown}
}

@book{koehler2017understanding,
  author    = {Koehler, Daniel},
  title     = {Understanding Deradicalization: Methods, Tools and Programs for Countering Violent Extremism},
  publisher = {Routledge},
  year      = {2017},
  doi       = {10.4324/9781315649566}
}
"""

EVALUATION_BIB = """\
@article{johnson2015introducing,
  author  = {Johnson, Shane D. and Tilley, Nick and Bowers, Kate J.},
  title   = {Introducing {EMMIE}: An Evidence Rating Scale to Encourage Mixed-Method Crime Prevention Synthesis Reviews},
  journal = {Journal of Experimental Criminology},
  year    = {2015},
  volume  = {11},
  number  = {3},
  pages   = {459--473},
  doi     = {10.1007/s11292-015-9238-7}
}
"""

# Single real entries, for tests that make up their own small bibliography.
ENGLISH_ARTICLE = """@article{koehler2017how,
  author  = {Koehler, Daniel},
  title   = {How and Why We Should Take Deradicalization Seriously},
  journal = {Nature Human Behaviour},
  year    = {2017},
}
"""

GERMAN_WEB_PAGE = """@online{kreiszeitungndnetzwerk,
  author   = {{Kreiszeitung}},
  title    = {Netzwerk meldet Erfolg bei Arbeit mit islamistischen Häftlingen},
  langid   = {german},
  url      = {https://www.kreiszeitung.de/lokales/niedersachsen/netzwerk-meldet-erfolg-arbeit-islamistischen-haeftlingen-niedersachsen-9365381.html},
}
"""  # a work in another language than English: `langid`

TOPICS_YML = """\
deradicalisation:
  en: "Deradicalisation"
  fr: "Déradicalisation"
evaluation:
  en: "Evaluation"
  fr: "Évaluation"
"""


def write_bibliography(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deradicalisation.bib").write_text(DERADICALISATION_BIB, encoding="utf-8")
    (folder / "evaluation.bib").write_text(EVALUATION_BIB, encoding="utf-8")
    (folder / "topics.yml").write_text(TOPICS_YML, encoding="utf-8")
    return folder
