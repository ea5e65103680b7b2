"""Pandoc citation syntax in Markdown: find citations and check their keys.

    [@key]  [@a; @b]  [see @key, p. 12]  [see @a, pp. 3-4; also @b]  [-@key]   parenthetical
    @key    @key [p. 12]                                                      narrative

Nothing is found in code (fenced, indented, inline spans of any number of backticks), URLs
(bare, <autolinks>, link destinations, reference definitions), e-mail addresses, HTML tags or
comments. `\\@` is a literal at sign. Each citation keeps its exact source span so a caller can
replace it, and its line for messages.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from enum import Enum

from wayout.problems import Problem
from wayout.text_cache import TextCache

# Pandoc's citation key: starts with a letter, digit or _, may hold internal punctuation, ends in
# a letter, digit or _ (so the full stop after "@koehler2017how." is not part of the key).
_KEY = r"(?:\{(?P<braced>[^{}\s]+)\}|(?P<plain>\w[\w:.#$%&\-+?<>~/]*(?<=\w)))"
_KEY_AT = re.compile(r"(?P<dash>-?)@" + _KEY)
# The commonest citation, "[@key]" or "[-@key]": one plain key and nothing else in the brackets.
_ONE_KEY_ALONE = re.compile(r"\[(?P<dash>-?)(?P<at>@)(?P<key>\w[\w:.#$%&\-+?<>~/]*(?<=\w))\]")
_NARRATIVE = re.compile(r"@" + _KEY)

_LOCATOR_LABELS = {
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "chap": "chapter", "chaps": "chapter", "chapter": "chapter", "chapters": "chapter",
    "sec": "section", "secs": "section", "section": "section", "sections": "section", "§": "section", "§§": "section",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph", "¶": "paragraph",
}  # fmt: skip


def _locator_pattern(number: str, label: str) -> re.Pattern:
    value = rf"(?:{number})(?:\s*[-\u2013\u2014]+\s*(?:{number}))?"
    return re.compile(rf"^{label}(?P<value>{value}(?:\s*,\s*{value})*)(?![\w\-\u2013])")


# "p. 12", "pp. iv-x", "chap. 3": with a label, roman numerals too. Without a label only digits
# count as pages, so that a suffix such as "did so" is not read as page "did".
_LABELLED_LOCATOR = _locator_pattern(r"[0-9]+[a-z]?|[ivxlcdm]+|[IVXLCDM]+", r"(?P<label>[A-Za-z]+|§§?|¶)\.?\s*")
_BARE_PAGES = _locator_pattern(r"[0-9]+[a-z]?", "")

_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_CONTAINER_OPENER = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]")  # admonitions and pymdownx.details
_BLOCKQUOTE_MARKERS = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")

_INLINE_EXCLUSIONS = re.compile(
    r"<!--.*?-->"  # HTML comment
    r"|<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>"  # autolink
    r"|</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>"  # HTML tag (attributes may hold an @)
    # bare URL, even glued to a preceding word: blocking too much here only hides a broken URL
    r"|(?:(?:https?|ftp)://|www\.)[^\s<>\[\]]*"
    r"|mailto:[^\s<>\[\]]*"
    # e-mail address; not one whose last label runs into "://" (a@b.https://…): that is a URL
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?![A-Za-z0-9\-]*://)",
    re.DOTALL,
)
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Where an _INLINE_EXCLUSIONS match can start, as plain substrings: "<" for comments, autolinks and
# tags, and the beginnings of addresses. E-mail addresses are found from their "@".
_EXCLUSION_OPENERS = ("<", "http", "ftp", "www.", "mailto:")
_EMAIL_LOCAL_PART = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
# Code blocks need a fence or a line indented by 4 columns or more (after any `>` markers); a page
# with neither has none. Lines end at "\n" here, so a page with other line breaks that
# str.splitlines() honours is checked line by line as usual.
_INDENTATION = r"(?:[ ]{0,3}>[ ]?)*(?:[ ]{0,3}\t|[ ]{4})"
_INDENTED_FIRST_LINE = re.compile(_INDENTATION)
_INDENTED_LATER_LINE = re.compile("\n" + _INDENTATION)  # starts with a literal: searched fast
_OTHER_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# What the bracket scanners act on; every other character is passed over.
_BRACKET_EVENTS = re.compile(r"[\[\]\\\n]")
_GROUP_EVENTS = re.compile(r"[\[\];]")


class CitationMode(str, Enum):
    PARENTHETICAL = "parenthetical"  # (Horgan & Braddock, 2010)
    NARRATIVE = "narrative"  # Horgan and Braddock (2010)


@dataclass(frozen=True, slots=True)
class Locator:
    label: str  # "page", "chapter", "section" or "paragraph"
    value: str  # as written: "12", "3-4", "33-35, 38"


@dataclass(frozen=True, slots=True)
class CitedItem:
    key: str
    prefix: str = ""
    locator: Locator | None = None
    suffix: str = ""
    suppress_author: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    start: int  # offsets into the text: text[start:end] is the whole citation
    end: int
    line: int  # 1-based, plus the caller's line_offset
    items: tuple[CitedItem, ...]
    mode: CitationMode

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]


# The page checks, each translation's comparison with its English page, the check of unknown keys
# and the rendering all look for the citations of the same page. They cut the page's body with or
# without its final line breaks, which change nothing found, and count lines from different places:
# the citations are kept for the text without final line breaks, with lines counted from its first.
_FOUND: TextCache[tuple[Citation, ...]] = TextCache()


def find_citations(markdown: str, line_offset: int = 0) -> list[Citation]:
    """Every citation in `markdown`, in order. `line_offset`: lines before this text (front matter)."""
    if "@" not in markdown:
        return []  # every citation has an `@`
    text = markdown.rstrip("\n")
    found = _FOUND.get(text, lambda: tuple(_find_citations(text, 0)))
    if line_offset:
        return [replace(citation, line=citation.line + line_offset) for citation in found]
    return list(found)


def _find_citations(markdown: str, line_offset: int) -> list[Citation]:
    blocked = _blocked_positions(markdown)
    found = _bracketed_citations(markdown, blocked)
    found += _narrative_citations(markdown, blocked, [(start, end) for start, end, _items, _mode in found])
    found.sort(key=lambda citation: citation[0])
    citations = []
    line, counted_to = 1 + line_offset, 0
    for start, end, items, mode in found:
        line += markdown.count("\n", counted_to, start)
        counted_to = start
        citations.append(Citation(start, end, line, items, mode))
    return citations


def unknown_key_problems(citations: Iterable[Citation], known_keys: Collection[str], path: str) -> list[Problem]:
    """A problem for every cited key not in the bibliography, with the closest known keys as a hint."""
    known: list[str] | None = None
    problems = []
    for citation in citations:
        for item in citation.items:
            if item.key in known_keys:
                continue
            import difflib  # only a page with a wrong key needs it

            if known is None:
                known = list(known_keys)
            close = difflib.get_close_matches(item.key, known, n=3, cutoff=0.6)
            if close:
                fix = "did you mean " + ", ".join(f"`{key}`" for key in close) + "?"
            else:
                fix = "add the work to a file in bibliography/, or write `\\@` if this is not a citation"
            problems.append(Problem(path, citation.line, f"unknown citation key `{item.key}`", fix))
    return problems


def escaped_at_signs(markdown: str) -> list[int]:
    """Offsets of the backslash in every `\\@` outside code, URLs and markup: the writer's literal `@`.

    Python-Markdown does not treat `\\@` as an escape, so the caller removes these backslashes.
    """
    if "\\@" not in markdown:
        return []
    blocked = _blocked_positions(markdown)
    return [
        match.start()
        for match in re.finditer(r"\\@", markdown)
        if not blocked[match.start()] and not _escaped(markdown, match.start())
    ]


# --- where citations cannot be ------------------------------------------------------------------


def _blocked_positions(text: str) -> bytearray:
    """1 for every character inside code, a URL, an e-mail address or HTML markup."""
    blocked = bytearray(len(text))

    def block(start: int, end: int) -> None:
        blocked[start:end] = b"\x01" * (end - start)

    for start, end in _code_blocks(text):
        block(start, end)
    if "`" in text:
        _block_code_spans(text, blocked, block)
    for start, end in _inline_exclusions(text):
        if not blocked[start]:
            block(start, end)
    if "]:" in text:
        for match in _REFERENCE_DEFINITION.finditer(text):
            block(text.index("]:", match.start()) + 2, match.end())
    for match in re.finditer(r"\]\(", text):
        if not blocked[match.start()]:
            end = _matching_close(text, match.end() - 1, "(", ")")
            if end is not None:
                block(match.end() - 1, end + 1)
    return blocked


def _inline_exclusions(text: str) -> list[tuple[int, int]]:
    """The spans of `_INLINE_EXCLUSIONS.finditer(text)`, found without running the pattern at every
    position: it is tried only where a match can start (see _EXCLUSION_OPENERS and
    _email_start), which makes a page with few of them many times faster."""
    spans = []
    next_opener = {opener: text.find(opener) for opener in _EXCLUSION_OPENERS}
    next_at = text.find("@")
    position = 0
    while True:
        for opener, found in next_opener.items():
            if -1 < found < position:
                next_opener[opener] = text.find(opener, position)
        email_start = None
        while next_at != -1:
            email_start = _email_start(text, next_at, position)
            if email_start is not None:
                break
            next_at = text.find("@", next_at + 1)
        candidates = [found for found in next_opener.values() if found != -1]
        if email_start is not None:
            candidates.append(email_start)
        if not candidates:
            return spans
        start = min(candidates)
        match = _INLINE_EXCLUSIONS.match(text, start)
        if match is not None:
            spans.append((start, match.end()))  # never empty: every alternative takes 3 characters or more
            position = match.end()
            continue
        if start == email_start:
            # Every start in this local part would fail as this one did: the "@" and the domain
            # after it are the same. The other kinds of match are looked for at their own openers.
            next_at = text.find("@", next_at + 1)
        position = start + 1


def _email_start(text: str, at: int, position: int) -> int | None:
    """Where an e-mail address ending its local part at the "@" at `at` would start, searching from
    `position`: the first of the local-part characters right before the "@"; None if there are none."""
    start = at
    while start > position and text[start - 1] in _EMAIL_LOCAL_PART:
        start -= 1
    return start if start < at else None


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code (at any indent, as pymdownx.superfences allows) and indented code blocks."""
    if (
        "```" not in text
        and "~~~" not in text
        and not _INDENTED_FIRST_LINE.match(text)
        and not _INDENTED_LATER_LINE.search(text)
        and not any(line_break in text for line_break in _OTHER_LINE_BREAKS)
    ):
        return []  # no fence and no indented line: no code block, as the loop below would find
    return _code_blocks_line_by_line(text)


def _code_blocks_line_by_line(text: str, prose_shortcut: bool = True) -> list[tuple[int, int]]:
    """Indented code needs 4 more spaces than its container: admonition, details and list content is
    itself indented by 4 in Python-Markdown, and is not code."""
    spans = []
    offset = 0
    fence: tuple[str, int] | None = None
    containers: list[int] = []  # content indents of the lists and admonitions we are in
    previous_blank = True
    previous_code = False
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if prose_shortcut and line == "\n":  # splitlines() never gives an empty line
            # An empty line, the next commonest: what the general case does with it.
            if fence is not None or previous_code:
                spans.append((start, offset))
            if fence is None:
                previous_blank = True
            continue
        if prose_shortcut and line[:1].isalpha():
            # Running text, the commonest line: no indent, no quote, list or admonition marker, no
            # fence. What the general case below would do with it, without its patterns.
            if fence is not None:
                spans.append((start, offset))
                continue
            if previous_blank:
                containers.clear()  # every container's content is indented
            previous_code, previous_blank = False, False
            continue
        content = _BLOCKQUOTE_MARKERS.sub("", line.rstrip("\r\n"))
        stripped = content.lstrip(" \t")
        indent = len(content[: len(content) - len(stripped)].expandtabs(4))
        if fence is not None:
            spans.append((start, offset))
            character, length = fence
            if stripped.startswith(character * length) and not stripped.strip(character).strip():
                fence = None
            continue
        if not stripped:
            previous_blank = True
            if previous_code:
                spans.append((start, offset))
            continue
        opens_container = bool(_LIST_ITEM.match(stripped) or _CONTAINER_OPENER.match(stripped))
        while containers and indent < containers[-1] and (previous_blank or opens_container):
            containers.pop()
        base = containers[-1] if containers else 0
        if indent >= base + 4 and (previous_blank or previous_code):
            spans.append((start, offset))
            previous_code, previous_blank = True, False
            continue
        previous_code, previous_blank = False, False
        opened = _FENCE_OPEN.match(stripped)
        if opened and not (opened.group("fence")[0] == "`" and "`" in opened.group("info")):
            fence = (opened.group("fence")[0], len(opened.group("fence")))
            spans.append((start, offset))
            continue
        if opens_container:
            containers.append(indent + 4)
    return spans


def _block_code_spans(text: str, blocked: bytearray, block) -> None:
    """Inline code: a run of n backticks up to the next run of exactly n, within one paragraph."""
    runs = [match for match in _BACKTICKS.finditer(text) if not blocked[match.start()]]
    index = 0
    while index < len(runs):
        opener = runs[index]
        index += 1
        if _escaped(text, opener.start()):
            continue  # "\`" is a literal backtick
        paragraph_end = _BLANK_LINE.search(text, opener.end())
        limit = paragraph_end.start() if paragraph_end else len(text)
        for closer_index in range(index, len(runs)):
            closer = runs[closer_index]
            if closer.start() >= limit:
                break
            if len(closer.group()) == len(opener.group()):
                block(opener.start(), closer.end())
                index = closer_index + 1
                break


def _escaped(text: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and text[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _matching_close(text: str, open_position: int, opening: str, closing: str) -> int | None:
    """Position of the bracket closing the one at open_position, within one paragraph."""
    depth = 0
    position = open_position
    while position < len(text):
        character = text[position]
        if character == "\\":
            position += 2
            continue
        if character == opening:
            depth += 1
        elif character == closing:
            depth -= 1
            if depth == 0:
                return position
        elif character == "\n" and _BLANK_LINE.match(text, position):
            return None
        position += 1
    return None


# --- finding citations ----------------------------------------------------------------------------


# A citation found, before its line is known: (start, end, items, mode).
_Found = tuple[int, int, tuple[CitedItem, ...], CitationMode]


def _bracketed_citations(text: str, blocked: bytearray) -> list[_Found]:
    citations = []
    position = text.find("[")
    while position != -1:
        if not blocked[position] and not _escaped(text, position):
            alone = _ONE_KEY_ALONE.match(text, position)
            if alone is not None:
                end = alone.end()
                if (
                    not blocked[alone.start("at")]
                    and not blocked[end - 1]
                    and (text[end : end + 1] not in _LINK_FOLLOWERS or not _followed_by_link_syntax(text, position, end - 1))
                ):
                    # What the general path below finds for it, without its scanning.
                    item = CitedItem(key=alone.group("key"), suppress_author=bool(alone.group("dash")))
                    citations.append((position, end, (item,), CitationMode.PARENTHETICAL))
                    position = text.find("[", end)
                    continue
            close = _matching_close_unblocked(text, blocked, position)
            if close is not None and not _followed_by_link_syntax(text, position, close):
                items = _parse_group(text, blocked, position + 1, close)
                if items:
                    citations.append((position, close + 1, items, CitationMode.PARENTHETICAL))
                    position = text.find("[", close + 1)
                    continue
        position = text.find("[", position + 1)
    return citations


def _matching_close_unblocked(text: str, blocked: bytearray, open_position: int) -> int | None:
    """Position of the bracket closing the one at open_position, within one paragraph, passing over
    blocked characters and the character after a backslash."""
    depth = 0
    skip_until = open_position
    for event in _BRACKET_EVENTS.finditer(text, open_position):
        position = event.start()
        if position < skip_until or blocked[position]:
            continue
        character = event.group()
        if character == "\\":
            skip_until = position + 2
        elif character == "[":
            depth += 1
        elif character == "]":
            depth -= 1
            if depth == 0:
                return position
        elif _BLANK_LINE.match(text, position):
            return None
    return None


# What can follow the closing bracket of a link; a citation is followed by anything else, or by nothing.
_LINK_FOLLOWERS = ("(", "[", ":")


def _followed_by_link_syntax(text: str, open_position: int, close: int) -> bool:
    """[text](url), [text][ref] and, at the start of a line, [ref]: url are links, not citations."""
    following = text[close + 1 : close + 2]
    if following in ("(", "["):
        return True
    line_start = text.rfind("\n", 0, open_position) + 1
    return following == ":" and not text[line_start:open_position].strip(" ")


def _parse_group(text: str, blocked: bytearray, start: int, end: int) -> tuple[CitedItem, ...]:
    """The items of "[see @a, p. 3; also @b]", or () if the brackets are not a citation."""
    items = []
    for part_start, part_end in _split_top_level(text, blocked, start, end):
        keys = _keys_in(text, blocked, part_start, part_end, in_brackets=True)
        if len(keys) != 1:
            return ()
        match = keys[0]
        prefix = _clean(text[part_start : match.start()])
        rest = text[match.end() : part_end]
        locator, suffix = _locator_and_suffix(rest)
        items.append(
            CitedItem(
                key=match.group("braced") or match.group("plain"),
                prefix=prefix,
                locator=locator,
                suffix=suffix,
                suppress_author=bool(match.group("dash")),
            )
        )
    return tuple(items)


def _split_top_level(text: str, blocked: bytearray, start: int, end: int) -> list[tuple[int, int]]:
    parts, depth, part_start = [], 0, start
    for event in _GROUP_EVENTS.finditer(text, start, end):
        position = event.start()
        if blocked[position]:
            continue
        character = event.group()
        if character == "[":
            depth += 1
        elif character == "]":
            depth -= 1
        elif depth == 0:
            parts.append((part_start, position))
            part_start = position + 1
    parts.append((part_start, end))
    return parts


def _keys_in(text: str, blocked: bytearray, start: int, end: int, in_brackets: bool) -> list[re.Match]:
    """`@key` (or `-@key` in brackets) starting a word, not escaped, outside code and addresses."""
    found = []
    pattern = _KEY_AT if in_brackets else _NARRATIVE
    for match in pattern.finditer(text, start, end):
        at = match.end("dash") if in_brackets else match.start()  # the `@`, after any "-"
        if blocked[at] or _escaped(text, at):
            continue
        before = text[match.start() - 1] if match.start() > start else ("" if in_brackets else text[start - 1 : start])
        if before and (before.isalnum() or before in "_@\\"):
            continue
        found.append(match)
    return found


def _locator_and_suffix(rest: str) -> tuple[Locator | None, str]:
    """", p. 12" → page 12; ", pp. 3-4, for a review" → pages 3-4 and the suffix "for a review"."""
    rest = rest.strip()
    if rest.startswith(","):
        rest = rest[1:].strip()
    if not rest:
        return None, ""
    labelled = _LABELLED_LOCATOR.match(rest)
    if labelled and labelled.group("label").lower() in _LOCATOR_LABELS:
        match, label = labelled, _LOCATOR_LABELS[labelled.group("label").lower()]
    else:
        match, label = _BARE_PAGES.match(rest), "page"
    if match is None:
        return None, _clean(rest)
    suffix = rest[match.end() :].strip()
    if suffix.startswith(","):
        suffix = suffix[1:].strip()
    return Locator(label, match.group("value")), _clean(suffix)


def _narrative_citations(text: str, blocked: bytearray, taken: list[tuple[int, int]]) -> list[_Found]:
    """`taken`: the spans of the bracketed citations, in order, whose keys are not narrative."""
    citations = []
    taken_index = 0
    for match in _keys_in(text, blocked, 0, len(text), in_brackets=False):
        while taken_index < len(taken) and taken[taken_index][1] <= match.start():
            taken_index += 1
        if taken_index < len(taken) and taken[taken_index][0] <= match.start():
            continue
        end = match.end()
        locator, suffix = None, ""
        # "@key [p. 12]": a bracket right after the key, holding no key of its own, gives its locator
        if text[end : end + 2] == " [" and not blocked[end + 1]:
            close = _matching_close_unblocked(text, blocked, end + 1)
            if close is not None and not _followed_by_link_syntax(text, end + 1, close):
                if not _keys_in(text, blocked, end + 2, close, in_brackets=True):
                    locator, suffix = _locator_and_suffix(text[end + 2 : close])
                    end = close + 1
        item = CitedItem(key=match.group("braced") or match.group("plain"), locator=locator, suffix=suffix)
        citations.append((match.start(), end, (item,), CitationMode.NARRATIVE))
    return citations


def _clean(text: str) -> str:
    return " ".join(text.split())
