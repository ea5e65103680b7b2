"""Diagrams from YAML: every problem with its line, and SVG that names itself to screen readers."""

from __future__ import annotations

import re

from wayout.diagrams import parse_diagram, render_svg
from wayout.pages import check_page

FLOW = """\
kind: flow
title: From prison to probation
description: Three steps from a concern to a release plan.
steps:
  - Concern noticed in prison
  - Case conference
  - Release plan agreed
"""

PAGE = "---\ntype: page\ntitle: T\n---\n\n# T\n\n```diagram\n{diagram}```\n"


def test_a_flow_is_an_accessible_svg_with_a_text_version():
    diagram, problems = parse_diagram(FLOW)
    assert problems == []
    html = render_svg(diagram)
    ident = re.search(r'aria-labelledby="(\S+)-title \1-desc"', html).group(1)
    assert f'<title id="{ident}-title">From prison to probation</title>' in html
    assert f'<desc id="{ident}-desc">Three steps from a concern to a release plan.</desc>' in html
    assert 'role="img"' in html and "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert html.count("<rect") == 3 and html.count("<line") == 2
    assert "<ol><li>Concern noticed in prison</li><li>Case conference</li><li>Release plan agreed</li></ol>" in html


def test_a_hub_joins_the_centre_to_each_partner():
    diagram, problems = parse_diagram(
        "kind: hub\ntitle: Partners\ndescription: Who meets.\ncentre: Case conference\naround: [Prison, Probation, Police]\n"
    )
    assert problems == []
    html = render_svg(diagram)
    # A trunk down from the centre and one arrow to each partner.
    assert html.count("<rect") == 4 and html.count("<line") == 4 and html.count("marker-end") == 3
    assert "<p>Case conference:</p><ul><li>Prison</li><li>Probation</li><li>Police</li></ul>" in html


def test_long_labels_wrap_onto_two_lines_inside_their_box():
    diagram, _ = parse_diagram(FLOW.replace("Case conference", "Multi-agency case conference with partners"[:40]))
    assert re.search(r"<text[^>]*><tspan[^>]*>Multi-agency case conference</tspan><tspan[^>]*>with partne</tspan>", render_svg(diagram))


def test_every_problem_of_a_diagram_is_reported_with_the_page_line():
    broken = "kind: tree\ndescription: \nsteps: [One]\ncolour: red\n"
    result = [str(problem) for problem in check_page(PAGE.format(diagram=broken), "p.md")]
    assert result == [
        "p.md:12: unknown diagram field `colour` — use only: around, centre, description, kind, steps, title",
        "p.md:9: `kind` is 'tree' — use `kind: flow` or `kind: hub`",
        "p.md:9: the diagram has no `title` — add `title:` — a short title",
        "p.md:10: the diagram has no `description` — add `description:` — one or two sentences saying what it shows, for screen readers",
    ]


def test_too_few_steps_and_too_long_labels_are_problems():
    text = FLOW.replace("  - Case conference\n  - Release plan agreed\n", "")
    assert [message for _, message, _ in parse_diagram(text)[1]] == ["`steps` needs 2 to 8 labels"]
    long = FLOW.replace("Case conference", "A case conference of every agency in the region")
    assert parse_diagram(long)[1] == [
        (6, "the label “A case conference of every agency in the region” has 47 characters",
         "shorten it to at most 40, and explain more in the text around the diagram")
    ]


def test_invalid_yaml_names_its_line():
    [(line, message, _)] = parse_diagram("kind: flow\ntitle: [unclosed\n")[1]
    assert line == 2 and message.startswith("the diagram is not valid YAML")
