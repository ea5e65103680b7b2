"""Read the BibTeX files of bibliography/ into one Bibliography, reporting every problem at once.

Each file is cut into entries at the lines that start with `@type{` before pybtex parses them, so a
missing brace spoils one entry (reported with its line) instead of silently swallowing the rest of
the file, and every entry knows its own 1-based line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import LowLevelParser, month_names
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError
from pybtex.textutils import normalize_whitespace
from pybtex.utils import CaseInsensitiveDict

from wayout.bibliography.latex import latex_problems
from wayout.problems import Problem, ProblemsFound, display_path

PERSON_ROLES = ("author", "editor")

# Each alternative group needs one of its fields. The year is left out where APA allows "n.d.":
# reports, documents and web pages are often undated, while a published article, book, chapter,
# paper or thesis always carries its year, so a missing year there is an error in the entry.
REQUIRED_FIELDS: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal",), ("year",)),
    "book": (("author", "editor"), ("title",), ("publisher",), ("year",)),
    "incollection": (("author",), ("title",), ("booktitle",), ("year",)),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year",)),
    "phdthesis": (("author",), ("title",), ("school",), ("year",)),
    "mastersthesis": (("author",), ("title",), ("school",), ("year",)),
    "techreport": (("author", "institution"), ("title",), ("institution",)),
    "report": (("author", "institution"), ("title",), ("institution",)),
    "misc": (("title",), ("author", "organization", "editor", "howpublished")),
    "online": (("title",), ("url",), ("author", "organization")),
}
SUPPORTED_TYPES = tuple(REQUIRED_FIELDS)

# Fields shown to readers, so their LaTeX must turn into clean text; `verified` is provenance only,
# and url/doi/isbn are identifiers used as they are.
RENDERED_FIELDS = (
    "title", "booktitle", "journal", "publisher", "institution", "school", "organization",
    "howpublished", "address", "edition", "series", "type", "number", "volume", "pages", "note",
    "author", "editor",
)  # fmt: skip

KEY_SHAPE = re.compile(r"^(?P<surname>[a-z]+)(?P<year>\d{4}|nd)(?P<word>[a-z]+)$")
YEAR_SHAPE = re.compile(r"^\d{4}$")
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(][ \t]*(?P<key>[^\s,}]*)", re.MULTILINE)
_COMMENT_LINE = re.compile(r"^[ \t]*%.*$", re.MULTILINE)
_NOT_ENTRIES = frozenset({"comment", "string", "preamble"})


@dataclass(frozen=True)
class BibEntry:
    key: str
    type: str
    fields: Mapping[str, str]  # lowercase names, raw LaTeX values, `verified` included
    persons: Mapping[str, tuple[Person, ...]]
    topic: str  # the stem of the file it is in
    file: Path
    path: str  # the file as the contributor knows it (relative to the project), for messages
    line: int

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Bibliography:
    entries: Mapping[str, BibEntry]
    fingerprint: tuple[tuple[str, int, int], ...] = ()

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> BibEntry:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def keys(self) -> list[str]:
        return list(self.entries)

    def topics(self) -> list[str]:
        return sorted({entry.topic for entry in self.entries.values()})


def source_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bib"))


def source_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Paths, modification times and sizes: changes whenever a .bib file is edited, added or removed."""
    fingerprint = []
    for path in source_files(folder):
        status = path.stat()
        fingerprint.append((path.resolve().as_posix(), status.st_mtime_ns, status.st_size))
    return tuple(fingerprint)


def load_bibliography(folder: Path, root: Path | None = None) -> Bibliography:
    """Every entry of every *.bib in `folder`; raises ProblemsFound listing all problems."""
    bibliography, problems = read_bibliography(folder, root)
    if problems:
        raise ProblemsFound(problems)
    return bibliography


def read_bibliography(folder: Path, root: Path | None = None) -> tuple[Bibliography, list[Problem]]:
    """Every entry that could be read (for checkers, even one with problems) and all the problems."""
    root = root if root is not None else folder.parent
    fingerprint = source_fingerprint(folder)
    problems: list[Problem] = []
    entries: dict[str, BibEntry] = {}
    first_seen: dict[str, BibEntry] = {}
    for path in source_files(folder):
        source = _SourceFile(file=path, path=display_path(path, root), topic=path.stem)
        text = path.read_text("utf-8-sig")  # an editor's byte-order mark must not hide the first entry
        for entry, entry_problems in _read_file(text, source):
            problems.extend(entry_problems)
            if entry is None:
                continue
            earlier = first_seen.get(entry.key.lower())
            if earlier is not None:
                problems.append(
                    Problem(
                        entry.path, entry.line,
                        f"duplicate key `{entry.key}`: also defined at {earlier.location}",
                        "keep one entry and delete the other, or give one of them a different key",
                    )  # fmt: skip
                )
                continue
            first_seen[entry.key.lower()] = entry
            entries[entry.key] = entry
    return Bibliography(entries=entries, fingerprint=fingerprint), problems


@dataclass(frozen=True)
class _SourceFile:
    file: Path
    path: str
    topic: str


class _StopEntry(Exception):
    def __init__(self, error: PybtexSyntaxError):
        self.error = error


def _raise_stop(error: PybtexSyntaxError) -> None:
    raise _StopEntry(error)


def _read_file(text: str, source: _SourceFile) -> Iterator[tuple[BibEntry | None, list[Problem]]]:
    # One macro table per file, as in BibTeX, with the standard month abbreviations.
    macros = CaseInsensitiveDict(month_names)
    starts = list(_ENTRY_START.finditer(text))
    chunk_line, counted_to = 1, 0
    for index, start in enumerate(starts):
        chunk_end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        is_last = index + 1 == len(starts)
        chunk_line += text.count("\n", counted_to, start.start())
        counted_to = start.start()
        if start.group("type").lower() in _NOT_ENTRIES and start.group("type").lower() != "string":
            continue
        # Comment lines between entries may hold an `@`; blank them, keeping the line count.
        chunk = _COMMENT_LINE.sub("", text[start.start() : chunk_end])
        yield from _read_chunk(chunk, chunk_line, start.group("key"), is_last, source, macros)


def _read_chunk(
    chunk: str, chunk_line: int, key_guess: str, is_last: bool, source: _SourceFile, macros: CaseInsensitiveDict
) -> Iterator[tuple[BibEntry | None, list[Problem]]]:
    parser = LowLevelParser(chunk, macros=macros, handle_error=_raise_stop)
    commands = iter(parser)
    read_one = False
    while True:
        try:
            command, body = next(commands)
        except StopIteration:
            return
        except _StopEntry as stop:
            if read_one:
                # the entry itself was fine: an `@` in the text after it looked like another entry
                stray_line = chunk_line + chunk.count("\n", 0, parser.command_start)
                yield None, [
                    Problem(
                        source.path, stray_line,
                        "an `@` outside any entry starts what BibTeX reads as a new entry",
                        "start comment lines with `%`, or remove the text between entries",
                    )  # fmt: skip
                ]
            else:
                yield None, [_syntax_problem(stop.error, chunk_line, key_guess, is_last, source.path)]
            return
        read_one = True
        if command.lower() in _NOT_ENTRIES:
            continue
        key, raw_fields = body
        line = chunk_line + chunk.count("\n", 0, parser.command_start)
        yield _build_entry(command.lower(), key, raw_fields, source, line)


def _syntax_problem(error: PybtexSyntaxError, chunk_line: int, key: str, is_last: bool, path: str) -> Problem:
    shown_key = f"`{key}`" if key else "(no key)"
    if isinstance(error, PrematureEOF):
        reached = "the end of the file" if is_last else "the next entry"
        return Problem(
            path, chunk_line,
            f"entry {shown_key} is not closed: reading it reached {reached}",
            "a closing `}` (or `\"`) is missing in this entry; check every field value and the entry's last line",
        )  # fmt: skip
    line = chunk_line + (error.lineno or 1) - 1
    reason = error.args[0] if error.args else str(error)
    if getattr(error, "error_type", "") == "undefined string":
        reason = f"`{reason}` is neither a number, a {{braced}} or \"quoted\" value, nor a defined @string"
    return Problem(
        path, line,
        f"cannot parse entry {shown_key}: {reason}",
        "check the braces, quotes, `=` signs and the commas between fields around this line",
    )  # fmt: skip


def _build_entry(
    entry_type: str, key: str, raw_fields: list[tuple[str, list[str]]], source: _SourceFile, line: int
) -> tuple[BibEntry | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(message: str, fix: str) -> None:
        problems.append(Problem(source.path, line, message, fix))

    fields: dict[str, str] = {}
    for name, value_parts in raw_fields:
        name = name.lower()
        if name in fields:
            problem(f"entry `{key}` has the field `{name}` twice", f"keep one `{name}` and delete the other")
            continue
        fields[name] = normalize_whitespace("".join(value_parts))

    if entry_type not in REQUIRED_FIELDS:
        supported = ", ".join(f"@{name}" for name in SUPPORTED_TYPES)
        problem(f"entry `{key}` has the type `@{entry_type}`, which the site cannot format", f"use one of {supported}")
        return None, problems

    _check_key(key, fields, problem)
    _check_required_fields(entry_type, key, fields, problem)
    year = fields.get("year", "")
    if year and not YEAR_SHAPE.match(year):
        problem(
            f"entry `{key}` has the year `{year}`, which is not a four-digit year",
            "write the year of publication as four digits; leave `year` out only for an undated report, document or web page",
        )  # fmt: skip
    for name in RENDERED_FIELDS:
        for reason in latex_problems(fields.get(name, "")):
            problem(f"field `{name}` of `{key}`: {reason}", "fix the value so that it reads as intended")

    persons: dict[str, tuple[Person, ...]] = {}
    for role in PERSON_ROLES:
        if role in fields:
            try:
                persons[role] = tuple(Person(name) for name in split_name_list(fields[role]))
            except PybtexError as error:
                problem(
                    f"field `{role}` of `{key}` has a name pybtex cannot read: {error}",
                    "write each name as `Surname, Given Names` and separate names with ` and `",
                )  # fmt: skip
    entry = BibEntry(
        key=key, type=entry_type, fields=fields, persons=persons,
        topic=source.topic, file=source.file, path=source.path, line=line,
    )  # fmt: skip
    return entry, problems


def _check_key(key: str, fields: Mapping[str, str], problem) -> None:
    shape = KEY_SHAPE.match(key)
    if shape is None:
        problem(
            f"key `{key}` is not shaped like `authorYYYYword`",
            "use the first author's surname in lowercase ASCII, the four-digit year (`nd` if the entry has no year) "
            "and one lowercase word from the title, e.g. `koehler2017understanding`",
        )  # fmt: skip
        return
    year = fields.get("year", "")
    expected = year if YEAR_SHAPE.match(year) else ("nd" if not year else None)
    if expected is not None and shape.group("year") != expected:
        problem(
            f"key `{key}` says `{shape.group('year')}` but the entry's year is `{year or 'none (n.d.)'}`",
            f"make the key's year match: `{shape.group('surname')}{expected}{shape.group('word')}`",
        )  # fmt: skip


def _check_required_fields(entry_type: str, key: str, fields: Mapping[str, str], problem) -> None:
    for alternatives in REQUIRED_FIELDS[entry_type]:
        if not any(fields.get(name, "").strip() for name in alternatives):
            wanted = " or ".join(f"`{name}`" for name in alternatives)
            needs = "; ".join(" or ".join(group) for group in REQUIRED_FIELDS[entry_type])
            problem(
                f"@{entry_type} `{key}` has no {wanted}",
                f"add it from the source you checked (an @{entry_type} needs {needs}), or change the entry type",
            )
