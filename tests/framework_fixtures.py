"""Programme and evidence pages for framework tests. They are test data, not facts: the names are
invented and marked as such, and they cite the fixture bibliography of citation_fixtures."""

PROGRAMME = """\
---
type: programme
title: Fixture programme
summary: An invented programme used only by the tests.
names:
  original: Programme fictif
  english: Fixture programme
country: "NO"
operator: mixed
settings: [prison, through-the-gate]
status: active
years:
  start: 2015
ideologies: [far-right, islamist]
participation: voluntary
components: [mentoring, family-work]
partners: [probation, police]
evaluations:
  - study: Trial A
    design_level: 4
    sample: 120
    outcome: reoffending
    result: favourable
    significant: true
    independent: true
    follow_up_months: 24
    source: horgan2010rehabilitating
  - study: Process study
    design_level: 1
    outcome: implementation
    result: mixed
    significant: false
    independent: false
    emmie: [implementation]
    source: koehler2017understanding
last_reviewed: 2026-11-26
sources: [koehler2017understanding]
---

# Fixture programme

The programme is described in one source [@johnson2015introducing].
"""

UNEVALUATED = """\
---
type: programme
title: Unevaluated fixture
summary: An invented programme without evaluations.
names:
  original: Unevaluated fixture
country: DE
operator: ngo
settings: [community]
status: active
ideologies: [any]
participation: voluntary
components: [mentoring]
evaluations: []
last_reviewed: 2026-11-26
sources: [koehler2017understanding]
---

# Unevaluated fixture

No evaluation is published.
"""

CARD = """\
---
type: evidence
title: Mentoring (fixture)
summary: An invented card used only by the tests.
question: Does mentoring help?
component: mentoring
outcomes: [disengagement, reoffending]
evaluations:
  - study: Review
    design_level: 3
    outcome: disengagement
    result: favourable
    significant: true
    independent: true
    systematic_review: true
    source: johnson2015introducing
behind_the_average: Not known.
implementation: Needs trained mentors.
cost_band: unknown
harms: None reported; few studies looked.
gaps: Few studies.
last_reviewed: 2026-11-26
key_studies: [johnson2015introducing]
---

# Mentoring (fixture)

Text.
"""
