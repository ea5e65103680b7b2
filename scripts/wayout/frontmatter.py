"""YAML front matter with the line of every key, so errors can point at the line to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import yaml

from wayout.problems import Problem
from wayout.text_cache import TextCache

OPENING = "---"
CLOSINGS = ("---", "...")

KeyPath = tuple  # of str keys and int list indexes


# libyaml's parser when PyYAML has it: the same nodes and marks, several times faster, and every
# build parses the front matter of every page in every language.
class _StringDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Keeps `2024-05-01` a string: schemas check dates as strings, and JSON has no date type."""


_StringDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _StringDatesLoader.construct_yaml_str
)
# YAML 1.1 reads `no`, `yes`, `on` and `off` as booleans, so `country: NO` (Norway) would become
# false. As in YAML 1.2, only true and false are booleans here.
_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StringDatesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass(slots=True)
class FrontMatter:
    data: dict
    # 1-based line in the Markdown file of each key (and list item) in the front matter.
    lines: dict[KeyPath, int] = field(default_factory=dict)
    first_line: int = 1
    body_line: int = 1

    def line_of(self, path: KeyPath) -> int:
        """The line of the deepest part of `path` that exists, else the opening fence."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


_MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def body_line_offset(source: str) -> int:
    """Lines before the Markdown body that MkDocs hands to plugins: the front matter and the blank
    lines it strips after it. Line n of that body is line n + offset of the file."""
    match = _MKDOCS_FRONT_MATTER.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    return source[: match.end()].count("\n") + (len(rest) - len(rest.lstrip("\n")))


# A build reads each page's front matter several times (the page checks, its translation's checks,
# the translation status, the renderers); parsed once per text, it is shared. Callers only read it.
_PARSED: TextCache[tuple[FrontMatter | None, list[Problem]]] = TextCache()


def parse_front_matter(text: str, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse the front matter of a Markdown page; return it (or None) and every problem found,
    each naming the page as `display`."""
    front, problems = _PARSED.get(text, lambda: _parse_front_matter(text, ""))
    return front, [replace(problem, path=display) for problem in problems]


def _parse_front_matter(text: str, display: str) -> tuple[FrontMatter | None, list[Problem]]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != OPENING:
        return None, [
            Problem(
                display,
                1,
                "the page has no YAML front matter",
                "start the file with a line `---`, then `type:` and `title:`, then a closing `---`",
            )
        ]
    closing = next(
        (number for number, line in enumerate(lines[1:], start=1) if line.rstrip() in CLOSINGS),
        None,
    )
    if closing is None:
        return None, [
            Problem(
                display,
                1,
                "the front matter is never closed",
                "add a line `---` after the last front-matter field",
            )
        ]
    source = "\n".join(lines[1:closing])
    # Line n of `source` (0-based) is line n + 2 of the file (1-based).
    offset = 2
    try:
        loader = _StringDatesLoader(source)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, [
                    Problem(display, 1, "the front matter is empty", "add at least `type:` and `title:`")
                ]
            problems = _duplicate_keys(node, display, offset)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else 1
        # libyaml places "reached the end" one line past the front matter; the mistake (an unclosed
        # bracket or quote) is on a line of it, where the context mark points.
        last_line = offset + source.count("\n")
        if line > last_line:
            line = error.context_mark.line + offset if error.context_mark else last_line
        what = (error.problem or error.context or "invalid YAML").strip()
        return None, [
            Problem(
                display,
                line,
                f"the front matter is not valid YAML ({what})",
                "check indentation, the colon after each key, and quote values that contain `: ` or start with a special character",
            )
        ]
    except yaml.YAMLError as error:
        return None, [
            Problem(display, 1, f"the front matter is not valid YAML ({error})", "fix the YAML syntax")
        ]
    if not isinstance(data, dict):
        return None, [
            Problem(
                display,
                offset,
                "the front matter is not a set of `key: value` fields",
                "write one `key: value` field per line",
            )
        ]
    key_lines: dict[KeyPath, int] = {}
    _collect_lines(node, (), offset, key_lines)
    return FrontMatter(data, key_lines, first_line=1, body_line=closing + 2), problems


def _collect_lines(node: yaml.Node, path: KeyPath, offset: int, out: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, key_node.value)
            out[key_path] = key_node.start_mark.line + offset
            _collect_lines(value_node, key_path, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            out[item_path] = item.start_mark.line + offset
            _collect_lines(item, item_path, offset, out)


def _duplicate_keys(node: yaml.Node, display: str, offset: int) -> list[Problem]:
    """PyYAML keeps the last of two equal keys without a word; a contributor needs to know."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + offset
            if isinstance(key_node, yaml.ScalarNode) and key_node.value in seen:
                problems.append(
                    Problem(
                        display,
                        line,
                        f"the key `{key_node.value}` appears twice (first on line {seen[key_node.value]})",
                        "keep one of the two and delete the other",
                    )
                )
            elif isinstance(key_node, yaml.ScalarNode):
                seen[key_node.value] = line
            problems.extend(_duplicate_keys(value_node, display, offset))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems.extend(_duplicate_keys(item, display, offset))
    return problems
