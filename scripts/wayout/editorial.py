"""Editorial rules a schema cannot express: lengths, citation counts, required sections, leftover
template text and one sentence per line. Every rule reports the file and line to fix."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from wayout.bibliography.citations import find_citations
from wayout.frontmatter import FrontMatter
from wayout.problems import Problem

SUMMARY_MAX_WORDS = 60
REVIEW_MIN_WORDS = 1500
REVIEW_MIN_CITED_WORKS = 10
FACTSHEET_MAX_WORDS = 550  # about one printed A4 page with its key-message box
GAPS_ID = "gaps"
MODULE_SECTIONS = ("content", "exercises", "case-study", "self-check", "trainer-notes", "handouts")

_WORD = re.compile(r"[^\W_](?:[\w'’\-]*\w)?")
_HEADING_ID = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_LEFTOVER = re.compile(r"\b(TODO|FIXME|TBD|XXX)\b|lorem ipsum|<!--\s*template", re.IGNORECASE)
_LEFTOVER_CASE_SENSITIVE = {"TODO", "FIXME", "TBD", "XXX"}
# Abbreviations a sentence does not end on. Single capitals (initials: "J. Horgan") are
# handled by the pattern itself.
_ABBREVIATIONS = (
    "e.g", "i.e", "etc", "cf", "vs", "al", "pp", "p", "no", "nos", "vol", "ed", "eds", "dr", "mr", "mrs",
    "ms", "st", "art", "para", "paras", "ch", "chap", "approx", "ca", "fig", "inc", "ltd", "co", "jr",
    "sr", "n.d", "op", "cit", "ibid", "resp", "sec", "no", "nr", "v",
)
_SENTENCE_BREAK = re.compile(r"(?<=[\w)\]\"”’*_])([.!?])[\"”’)*_]*\s+(?=[\"“‘(*_]*[A-Z])")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+")


def editorial_problems(front: FrontMatter, text: str, display: str) -> list[Problem]:
    """Problems of a page whose front matter parsed; `text` is the whole file."""
    lines = text.splitlines()
    body_start = front.body_line - 1  # index of the first body line
    body_lines = lines[body_start:]
    body = "\n".join(body_lines)
    prose = list(_prose_lines(body_lines, body_start))
    problems = _summary_problems(front, display)
    problems += _front_matter_leftovers(front, display)
    problems += _front_matter_comment_leftovers(lines[: body_start], display)
    problems += _leftover_problems(prose, display)
    problems += _sentence_per_line_problems(prose, display)
    page_type = front.data.get("type")
    if page_type == "review":
        problems += _review_problems(front, body, body_lines, body_start, display)
    elif page_type == "module":
        problems += _section_problems(body_lines, body_start, MODULE_SECTIONS, display, front, "a module")
        if "??? question" not in body and "???+ question" not in body:
            problems.append(Problem(display, _line_of_id(body_lines, body_start, "self-check") or front.first_line,
                                    "the self-check has no questions",
                                    'add questions as `??? question "…"` blocks with the answer indented below'))
    elif page_type == "factsheet":
        words = count_words(body)
        if words > FACTSHEET_MAX_WORDS:
            problems.append(Problem(display, front.body_line, f"the factsheet has {words} words, more than fit on one printed page",
                                    f"cut it to at most {FACTSHEET_MAX_WORDS} words; move detail to a review or guide and link to it"))
    return problems


def count_words(markdown: str) -> int:
    """Words a reader reads: code, HTML comments, link targets and citation keys left out."""
    text = re.sub(r"(?ms)^\s*(`{3,}|~{3,}).*?^\s*\1\s*$", " ", markdown)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    text = _LINK_TARGET.sub("]", text)
    text = re.sub(r"-?@[\w:.#$%&\-+?<>~/]+", " ", text)
    text = re.sub(r"\{[^}\n]*#[^}\n]*\}", " ", text)
    return len(_WORD.findall(text))


def _summary_problems(front: FrontMatter, display: str) -> list[Problem]:
    summary = front.data.get("summary")
    if not isinstance(summary, str) or front.data.get("type") not in {"review", "factsheet", "module", "page", "kit"}:
        return []
    words = len(_WORD.findall(summary))
    if words <= SUMMARY_MAX_WORDS:
        return []
    return [Problem(display, front.line_of(("summary",)), f"the summary has {words} words",
                    f"shorten it to at most {SUMMARY_MAX_WORDS} words of plain language")]


def _review_problems(front: FrontMatter, body: str, body_lines: list[str], body_start: int, display: str) -> list[Problem]:
    problems = []
    words = count_words(body)
    if words < REVIEW_MIN_WORDS:
        problems.append(Problem(display, front.body_line, f"the review has {words} words",
                                f"a review needs at least {REVIEW_MIN_WORDS} words of body text"))
    # Without its first blank lines, the body is the text MkDocs renders, whose citations the
    # other checks and the rendering have found already; only the keys matter here.
    cited = {key for citation in find_citations(body.lstrip("\n")) for key in citation.keys}
    if len(cited) < REVIEW_MIN_CITED_WORKS:
        problems.append(Problem(display, front.body_line, f"the review cites {len(cited)} distinct works",
                                f"a review cites at least {REVIEW_MIN_CITED_WORKS} distinct works from bibliography/"))
    problems += _section_problems(body_lines, body_start, (GAPS_ID,), display, front, "a review")
    return problems


def _section_problems(body_lines: list[str], body_start: int, ids: tuple[str, ...], display: str,
                      front: FrontMatter, what: str) -> list[Problem]:
    present = {match.group(1) for line in body_lines if (match := _HEADING_ID.match(line))}
    return [
        Problem(display, front.body_line, f"{what} needs a section with the id `{section}`",
                f"add a heading ending in `{{#{section}}}`, e.g. `## … {{#{section}}}`")
        for section in ids if section not in present
    ]


def _line_of_id(body_lines: list[str], body_start: int, section: str) -> int | None:
    for index, line in enumerate(body_lines):
        match = _HEADING_ID.match(line)
        if match and match.group(1) == section:
            return body_start + index + 1
    return None


def _prose_lines(body_lines: list[str], body_start: int) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that hold running text: not code, tables, HTML or comments."""
    fence: str | None = None
    in_comment = False
    for index, line in enumerate(body_lines):
        number = body_start + index + 1
        if not line:
            continue  # an empty line changes nothing below
        if fence is None and not in_comment and line[:1].isalpha():
            yield number, line  # running text, the commonest line: what the tests below would find
            continue
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        # Tables and HTML are not running text. (Indented lines are: admonition and answer bodies.)
        if not stripped or stripped.startswith(("|", "<")):
            continue
        yield number, line


def _front_matter_leftovers(front: FrontMatter, display: str) -> list[Problem]:
    """Template markers left in front-matter texts (a scaffolded page starts with some)."""
    problems = []

    def visit(value, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, (*path, index))
        elif isinstance(value, str):
            for match in _LEFTOVER.finditer(value):
                found = match.group(0)
                if match.group(1) and found not in _LEFTOVER_CASE_SENSITIVE:
                    continue
                field_name = ".".join(str(part) for part in path)
                problems.append(Problem(display, front.line_of(path), f"unfilled template text `{found}` in `{field_name}`",
                                        "write the missing text, or remove the marker"))

    visit(front.data, ())
    return problems


def _front_matter_comment_leftovers(front_lines: list[str], display: str) -> list[Problem]:
    """A `# TODO` comment in the front matter: a value the template chose that still needs checking."""
    return [
        Problem(display, number, "unfilled template text `TODO` in a front-matter comment",
                "set the value the comment asks for, then delete the TODO")
        for number, line in enumerate(front_lines, start=1)
        if re.search(r"#\s*TODO\b", line)
    ]


def _lines_matching(prose: list[tuple[int, str]], pattern: re.Pattern) -> list[tuple[int, str]]:
    """The prose lines in which `pattern`, which never matches a line break, matches: searched in
    one pass over the page, since the rules below run several patterns on each line they look at."""
    if not prose:
        return []
    text = "\n".join(line for _number, line in prose)
    starts = [0]
    for _number, line in prose:
        starts.append(starts[-1] + len(line) + 1)
    found, index = [], 0
    for match in pattern.finditer(text):
        if match.start() < starts[index]:
            continue  # this line is in already
        index = bisect.bisect_right(starts, match.start()) - 1
        found.append(prose[index])
        index += 1
        if index == len(prose):
            break
    return found


_MARKERS_AS_WRITTEN = (*_LEFTOVER_CASE_SENSITIVE, "<!--")


def _may_hold_leftover(text: str) -> bool:
    """Whether `text` holds what _LEFTOVER reports, or more: a plain search, much faster than the
    case-blind pattern, so that most lines never meet the pattern. Only upper-case markers are
    reported, and inline code, which the pattern's caller takes out, adds none."""
    return any(marker in text for marker in _MARKERS_AS_WRITTEN) or "lorem" in text.lower()


def _leftover_problems(prose: list[tuple[int, str]], display: str) -> list[Problem]:
    problems = []
    if not _may_hold_leftover("\n".join(line for _number, line in prose)):
        return problems
    for number, line in prose:
        if not _may_hold_leftover(line):
            continue
        for match in _LEFTOVER.finditer(_INLINE_CODE.sub(" ", line)):
            found = match.group(0)
            if match.group(1) and found not in _LEFTOVER_CASE_SENSITIVE:
                continue  # "todo" in running text is a word, "TODO" a marker
            problems.append(Problem(display, number, f"unfilled template text `{found}`",
                                    "write the missing text, or remove the marker"))
    return problems


# Lines that can hold two sentences: an end mark, then a space, then a capital, in that order. What
# _sentence_per_line_problems() takes out first (code, link targets, list markers) cannot add these.
_MAYBE_TWO_SENTENCES = re.compile(r"[.!?][^\n]*?[^\S\n][^\n]*?[A-Z]")


def _sentence_per_line_problems(prose: list[tuple[int, str]], display: str) -> list[Problem]:
    problems = []
    for number, line in _lines_matching(prose, _MAYBE_TWO_SENTENCES):
        if line.lstrip().startswith(("#", "???", "!!!")):
            continue  # a heading or a block's title cannot be split over lines
        text = _LIST_MARKER.sub("", _LINK_TARGET.sub("]", _INLINE_CODE.sub("code", line)))
        for match in _SENTENCE_BREAK.finditer(text):
            if _ends_with_abbreviation(text[: match.start(1)]):
                continue
            problems.append(Problem(display, number, "more than one sentence on this line",
                                    "start each sentence on a new line (one sentence per line keeps diffs and translation review readable)"))
            break
    return problems


def _ends_with_abbreviation(before: str) -> bool:
    word = re.search(r"([\w.]+)$", before)
    if word is None:
        return False
    token = word.group(1)
    prefix = before[: -len(token)]
    if token.isdigit() and (not prefix.strip() or prefix.endswith(('"', "“", "("))):
        return True  # a numbered title: "1. Why?"
    if len(token) == 1 and token.isupper():
        return True  # an initial
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
        return True  # "e.g", "U.S", "i.e"
    if token.isdigit():
        return False
    return token.lower() in _ABBREVIATIONS
