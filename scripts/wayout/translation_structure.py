"""What a translation must keep from its English page: link targets, citation keys, heading
anchors, markers and code. Text is translated; these are not, and a slip in one of them breaks a
link, a citation or a generated table without any visible error in the translated prose."""

from __future__ import annotations


import re
from collections import Counter

from wayout.bibliography.citations import find_citations
from wayout.frontmatter import body_line_offset
from wayout.problems import Problem
from wayout.text_cache import TextCache

_LINK_TARGET = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_HEADING_ANCHOR = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)
_MARKER = re.compile(r"<!--\s*([a-z-]+(?::[^>]*?)?)\s*-->")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)

KINDS = {
    "link": ("link target", "keep the link target exactly as in the English page; translate only the link text"),
    "citation": ("citation key", "keep every citation of the English page, with the same keys"),
    "anchor": ("heading anchor", "keep `{#…}` after the translated heading, as in the English page"),
    "marker": ("marker", "keep the HTML comment exactly as in the English page"),
    "code": ("code block", "keep code blocks exactly as in the English page (only `diagram` blocks are translated)"),
}


def _body(text: str) -> tuple[str, int]:
    """The text after its first `offset` lines, and that offset."""
    offset = body_line_offset(text)
    start = 0
    for _line in range(offset):
        start = text.index("\n", start) + 1  # the offset counts line breaks of the text
    return text[start:], offset


# Every translation of a page is compared with the same English text: its items are counted once.
# The counts are only read.
_COUNTED: TextCache[dict[str, Counter]] = TextCache()


def _items(text: str) -> dict[str, Counter]:
    return _COUNTED.get(text, lambda: _count_items(text))


def _count_items(text: str) -> dict[str, Counter]:
    body, _ = _body(text)
    # Each pattern runs only on a body holding what every match of it needs: most pages have no
    # code block, marker or heading anchor, and every page of every language is counted.
    code_blocks = list(_FENCE.finditer(body)) if "```" in body or "~~~" in body else []
    return {
        "link": Counter(_LINK_TARGET.findall(body) if "](" in body else ()),
        "citation": Counter(key for citation in find_citations(body) for key in citation.keys),
        "anchor": Counter(_HEADING_ANCHOR.findall(body) if "#" in body and "{" in body else ()),
        "marker": Counter(match.group(1).strip() for match in _MARKER.finditer(body)) if "<!--" in body else Counter(),
        "code": Counter(match.group("body") for match in code_blocks if match.group("info").strip().split(" ")[0] != "diagram"),
    }


def structure_problems(english: str, translation: str, display: str, english_display: str) -> list[Problem]:
    """Everything the English page has that the translation lost, and everything the translation
    added, each reported once with the line where the translation has it (or its first body line)."""
    expected, found = _items(english), _items(translation)
    if expected == found:
        return []
    body, offset = _body(translation)
    problems = []
    for kind, (name, fix) in KINDS.items():
        for item, count in (expected[kind] - found[kind]).items():
            shown = item if kind != "code" else item.strip().splitlines()[0][:40] + "…"
            problems.append(Problem(display, offset + 1, f"the {name} `{shown}` of {english_display} is missing"
                                    + (f" ({count} times)" if count > 1 else ""), fix))
        for item in (found[kind] - expected[kind]):
            shown = item if kind != "code" else item.strip().splitlines()[0][:40] + "…"
            position = body.find(item) if kind != "code" else body.find(item)
            line = offset + body.count("\n", 0, position) + 1 if position >= 0 else offset + 1
            problems.append(Problem(display, line, f"the {name} `{shown}` is not in {english_display}", fix))
    return problems
