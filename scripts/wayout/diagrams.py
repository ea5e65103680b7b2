"""Diagrams written as a few lines of YAML and drawn at build time as accessible SVG.

    kind: flow | hub
    title: From prison to probation
    description: What the diagram shows, for people who cannot see it.
    steps: [Concern noticed, Case conference, Release plan]     # flow
    centre: Case conference                                    # hub
    around: [Prison, Probation, Police]                        # hub

A flow is drawn top to bottom and a hub as a centre above its partners, so that both fit a
phone's width without scrolling sideways. Every diagram carries its title and description for
screen readers and a text version of its content below it. No script, no font, no request.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html import escape

import yaml

from wayout.problems import Problem

KINDS = ("flow", "hub")
MAX_LABEL = 40
MIN_ITEMS, MAX_ITEMS = 2, 8
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*diagram\b.*$")

BOX_WIDTH, BOX_HEIGHT, GAP, LINE_HEIGHT = 300, 56, 36, 19
HUB_BOX_WIDTH, HUB_COLUMN_GAP = 180, 48


@dataclass(frozen=True)
class Diagram:
    kind: str
    title: str
    description: str
    items: tuple[str, ...]  # steps of a flow, partners of a hub
    centre: str = ""


def parse_diagram(source: str) -> tuple[Diagram | None, list[tuple[int, str, str]]]:
    """The diagram, or the problems as (line within the block, what is wrong, how to fix it)."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = min(mark.line + 1, max(len(source.splitlines()), 1)) if mark is not None else 1
        return None, [(line, f"the diagram is not valid YAML ({getattr(error, 'problem', error)})", "write `key: value` lines as in the contributing guide")]
    if not isinstance(data, dict):
        return None, [(1, "the diagram is not a set of `key: value` lines", "start with `kind: flow` or `kind: hub`")]
    lines = _key_lines(source)
    problems: list[tuple[int, str, str]] = []
    allowed = {"kind", "title", "description", "steps", "centre", "around"}
    for key in data:
        if key not in allowed:
            problems.append((lines.get(key, 1), f"unknown diagram field `{key}`", f"use only: {', '.join(sorted(allowed))}"))
    kind = data.get("kind")
    if kind not in KINDS:
        problems.append((lines.get("kind", 1), f"`kind` is {kind!r}", "use `kind: flow` or `kind: hub`"))
    for key in ("title", "description"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append((lines.get(key, 1), f"the diagram has no `{key}`",
                             f"add `{key}:` — " + ("a short title" if key == "title" else "one or two sentences saying what it shows, for screen readers")))
    items_key = "steps" if kind == "flow" else "around"
    items = data.get(items_key)
    if kind in KINDS:
        if not isinstance(items, list) or not MIN_ITEMS <= len(items) <= MAX_ITEMS:
            problems.append((lines.get(items_key, 1), f"`{items_key}` needs {MIN_ITEMS} to {MAX_ITEMS} labels",
                             f"write `{items_key}:` followed by `- label` lines"))
            items = []
        labels = list(items) + ([data.get("centre")] if kind == "hub" else [])
        for label in labels:
            if not isinstance(label, str) or not label.strip():
                problems.append((lines.get(items_key, 1), f"a label in `{items_key}` is empty or not text", "write each label as plain text"))
            elif len(label) > MAX_LABEL:
                problems.append((_line_of_text(source, label), f"the label “{label}” has {len(label)} characters",
                                 f"shorten it to at most {MAX_LABEL}, and explain more in the text around the diagram"))
    if problems:
        return None, problems
    return Diagram(kind, data["title"].strip(), data["description"].strip(), tuple(str(item).strip() for item in items),
                   str(data.get("centre", "")).strip()), []


def diagram_problems(text: str, display: str) -> list[Problem]:
    """Every problem of every diagram block in a Markdown file, with the file's line numbers."""
    problems = []
    for start_line, source in _diagram_blocks(text):
        _, found = parse_diagram(source)
        problems += [Problem(display, start_line + line, message, fix) for line, message, fix in found]
    return problems


def render_svg(diagram: Diagram, text_version_label: str = "Text version") -> str:
    ident = "wayout-diagram-" + hashlib.sha1(repr(diagram).encode()).hexdigest()[:10]
    if diagram.kind == "flow":
        width, height, body = _flow(diagram, ident)
        text_version = "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in diagram.items) + "</ol>"
    else:
        width, height, body = _hub(diagram, ident)
        text_version = (f"<p>{escape(diagram.centre)}:</p><ul>"
                        + "".join(f"<li>{escape(item)}</li>" for item in diagram.items) + "</ul>")
    svg = (
        f'<svg class="wayout-diagram__svg" viewBox="0 0 {width} {height}" width="{width}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(diagram.title)}</title><desc id="{ident}-desc">{escape(diagram.description)}</desc>'
        f'<defs><marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" class="wayout-diagram__arrowhead"/></marker></defs>{body}</svg>'
    )
    return (
        f'<figure class="wayout-diagram">{svg}<figcaption>{escape(diagram.title)}</figcaption>'
        f'<details class="wayout-diagram__text"><summary data-wayout-ui="diagram.text_version">{escape(text_version_label)}</summary>{text_version}</details></figure>'
    )


def _flow(diagram: Diagram, ident: str) -> tuple[int, int, str]:
    parts = []
    x = 10
    for index, step in enumerate(diagram.items):
        y = 10 + index * (BOX_HEIGHT + GAP)
        parts.append(_box(x, y, BOX_WIDTH, step))
        if index:
            parts.append(f'<line class="wayout-diagram__line" x1="{x + BOX_WIDTH // 2}" y1="{y - GAP + 2}" '
                         f'x2="{x + BOX_WIDTH // 2}" y2="{y - 3}" marker-end="url(#{ident}-arrow)"/>')
    height = 20 + len(diagram.items) * BOX_HEIGHT + (len(diagram.items) - 1) * GAP
    return BOX_WIDTH + 20, height, "".join(parts)


def _hub(diagram: Diagram, ident: str) -> tuple[int, int, str]:
    """The centre on top; a line runs down between two columns of partners and branches to each,
    so that no line crosses a box."""
    width = 2 * HUB_BOX_WIDTH + HUB_COLUMN_GAP + 20
    middle = width // 2
    centre_x = (width - BOX_WIDTH) // 2
    parts = [_box(centre_x, 10, BOX_WIDTH, diagram.centre, "wayout-diagram__box wayout-diagram__box--centre")]
    rows = (len(diagram.items) + 1) // 2
    top = 10 + BOX_HEIGHT + GAP
    odd_last = len(diagram.items) % 2 == 1
    bus_end = top + (rows - 1) * (BOX_HEIGHT + GAP) + (0 if odd_last else BOX_HEIGHT // 2)
    branches = []
    for index, item in enumerate(diagram.items):
        row, column = divmod(index, 2)
        y = top + row * (BOX_HEIGHT + GAP)
        if odd_last and index == len(diagram.items) - 1:
            x = (width - HUB_BOX_WIDTH) // 2  # an odd last partner sits below the line's end
            branches.append(f'<line class="wayout-diagram__line" x1="{middle}" y1="{y - GAP}" x2="{middle}" y2="{y - 3}" marker-end="url(#{ident}-arrow)"/>')
        else:
            x = 10 + column * (HUB_BOX_WIDTH + HUB_COLUMN_GAP)
            edge = x + HUB_BOX_WIDTH + 3 if column == 0 else x - 3
            branches.append(f'<line class="wayout-diagram__line" x1="{middle}" y1="{y + BOX_HEIGHT // 2}" x2="{edge}" y2="{y + BOX_HEIGHT // 2}" marker-end="url(#{ident}-arrow)"/>')
        parts.append(_box(x, y, HUB_BOX_WIDTH, item))
    parts.insert(1, f'<line class="wayout-diagram__line" x1="{middle}" y1="{10 + BOX_HEIGHT}" x2="{middle}" y2="{bus_end}"/>')
    parts += branches
    height = top + rows * BOX_HEIGHT + (rows - 1) * GAP + 10
    return width, height, "".join(parts)


def _box(x: int, y: int, width: int, label: str, css_class: str = "wayout-diagram__box") -> str:
    lines = _wrap(label, max(12, width // 10))
    first_baseline = y + BOX_HEIGHT / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + 6
    text = "".join(
        f'<tspan x="{x + width / 2:g}" y="{first_baseline + index * LINE_HEIGHT:g}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return (f'<rect class="{css_class}" x="{x}" y="{y}" width="{width}" height="{BOX_HEIGHT}" rx="8"/>'
            f'<text class="wayout-diagram__label" text-anchor="middle">{text}</text>')


def _wrap(label: str, width: int) -> list[str]:
    """At most two lines (labels are at most 40 characters)."""
    if len(label) <= width:
        return [label]
    cut = label.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = label.find(" ")
    if cut <= 0:
        return [label]
    return [label[:cut], label[cut + 1:]]


def _key_lines(source: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(source.splitlines(), start=1):
        match = re.match(r"^([A-Za-z_]+)\s*:", line)
        if match and match.group(1) not in lines:
            lines[match.group(1)] = number
    return lines


def _line_of_text(source: str, text: str) -> int:
    for number, line in enumerate(source.splitlines(), start=1):
        if text in line:
            return number
    return 1


def _diagram_blocks(text: str) -> list[tuple[int, str]]:
    """(line of the opening fence, block source) of every ```diagram block."""
    blocks = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match:
            fence, indent = match.group("fence"), len(match.group("indent"))
            body = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith(fence):
                body.append(lines[index][indent:])
                index += 1
            blocks.append((index - len(body), "\n".join(body)))
        index += 1
    return blocks
