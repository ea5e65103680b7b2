"""Read the BibTeX files of bibliography/ into one Bibliography, reporting every problem at once.

Each file is cut into entries at the lines that start with `@type{` before they are parsed, so a
missing brace spoils one entry (reported with its line) instead of silently swallowing the rest of
the file, and every entry knows its own 1-based line.

Nearly every entry has the simple shape `@type{key, name = {value}, name = "value", name = 1999}`.
Such an entry is read by a small scanner here, which gives what pybtex's parser gives for it at a
fraction of the cost. Anything else (a @string, a macro, `#`, a parenthesised entry, a syntax error, an `@`
after the entry) goes to pybtex's parser, which reads it and words its errors as before. Names
take the same two ways: "Surname, Given Names" without braces or LaTeX is split here, the rest by
pybtex.

Names are kept as Name tuples, split into the parts pybtex's Person has; an entry gives them as
pybtex Person objects too (`persons`), made when first asked for. A build keeps thousands of names
for as long as the process lives: as Person objects (six objects each) or as named tuples, every
full run of Python's garbage collector, and there are several at exit, would walk them all; it
stops walking plain tuples of strings after their first collection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from string import ascii_letters
from typing import TYPE_CHECKING

from wayout.bibliography.langids import accepted_langids, language_tag
from wayout.bibliography.latex import latex_problems
from wayout.problems import Problem, ProblemsFound, display_path

if TYPE_CHECKING:
    from pybtex.database import Person

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

# The simple shape (see the module's docstring), token by token as pybtex's LowLevelParser reads it:
# whitespace is anything `\s` matches, a field name is pybtex's NAME, a number is ASCII digits.
_SIMPLE_HEAD = re.compile(r"[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*\{\s*(?P<key>[^\s,}]+)")
_NAME_CHARACTERS = re.escape(ascii_letters + "@!$&*+-./:;<>?[\\]^_`|~\x7f")
_FIELD_NAME = re.compile(f"[{_NAME_CHARACTERS}][{_NAME_CHARACTERS}0-9]*")
# The commonest field of all, read in one match: `, name = {value}` with no braces inside the
# value, `, name = "value"` with no braces or quotes inside, or `, name = 1999`.
_FLAT_FIELD = re.compile(
    rf'\s*,\s*(?P<name>{_FIELD_NAME.pattern})\s*=\s*(?:\{{(?P<braced>[^{{}}]*)\}}|"(?P<quoted>[^"{{}}]*)"|(?P<number>[0-9]+))'
)
# An entry of flat fields only, and nothing after it but text without an `@` (what _read_simple_entry
# accepts for such an entry), in one match; findall then reads its fields.
_FLAT_ENTRY = re.compile(rf"{_SIMPLE_HEAD.pattern}(?P<fields>(?:{_FLAT_FIELD.pattern})*)\s*(?:,\s*)?\}}[^@]*\Z")
_NUMBER = re.compile(r"[0-9]+")
_WHITESPACE = re.compile(r"\s*")
_BRACE_OR_QUOTE = re.compile(r'["{}]')
# pybtex refuses braces nested more than 100 deep; well before that, leave the entry to pybtex.
_MAX_SIMPLE_DEPTH = 50
_AND = re.compile(" [Aa][Nn][Dd] ")  # pybtex's separator of names


# A name split into words as pybtex's Person splits it: (first, middle, prelast, last, lineage),
# each a tuple of words; prelast is "van der", lineage "Jr.". A plain tuple (see the module's
# docstring), read by unpacking: `first, middle, prelast, last, lineage = name`.
Name = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def name_text(name: Name) -> str:
    """The name as pybtex writes a Person: "von Last, Jr, First Middle"."""
    first, middle, prelast, last, lineage = name
    parts = (" ".join(prelast + last), " ".join(lineage), " ".join(first + middle))
    return ", ".join(part for part in parts if part)


def name_person(name: Name) -> Person:
    from pybtex.database import Person

    person = Person.__new__(Person)  # Person() would split five empty strings again
    first, middle, prelast, last, lineage = name
    person.first_names, person.middle_names, person.prelast_names = list(first), list(middle), list(prelast)
    person.last_names, person.lineage_names = list(last), list(lineage)
    return person


@dataclass(frozen=True)
class BibEntry:
    key: str
    type: str
    fields: Mapping[str, str]  # lowercase names, raw LaTeX values, `verified` included
    names: Mapping[str, tuple[Name, ...]]  # "author" and "editor", in the order of the field
    topic: str  # the stem of the file it is in
    file: Path
    path: str  # the file as the contributor knows it (relative to the project), for messages
    line: int

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    @cached_property
    def persons(self) -> Mapping[str, tuple[Person, ...]]:
        """`names` as pybtex Person objects, for code written for pybtex."""
        return {role: tuple(name_person(name) for name in names) for role, names in self.names.items()}


@dataclass(frozen=True)
class Bibliography:
    entries: Mapping[str, BibEntry]
    fingerprint: tuple[tuple[str, int, int], ...] = ()
    # Each entry's exported records, key → (BibTeX, RIS, CSL-JSON), made on first request (see
    # exports.py) and kept as long as this load, since pages export the same entries again and again.
    export_records: dict[str, tuple[str, str, str]] = field(default_factory=dict, compare=False, repr=False)

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
    def __init__(self, error):
        self.error = error


def _raise_stop(error) -> None:
    raise _StopEntry(error)


class _MacroTable:
    """A file's @string macros and the month abbreviations: one table per file, as in BibTeX.

    Only pybtex's parser reads macros, so the table is made when it first runs on the file."""

    def __init__(self):
        self._table = None

    @property
    def table(self):
        if self._table is None:
            from pybtex.database.input.bibtex import month_names
            from pybtex.utils import CaseInsensitiveDict

            self._table = CaseInsensitiveDict(month_names)
        return self._table


def _read_file(text: str, source: _SourceFile) -> Iterator[tuple[BibEntry | None, list[Problem]]]:
    macros = _MacroTable()
    starts = list(_ENTRY_START.finditer(text))
    chunk_line, counted_to = 1, 0
    for index, start in enumerate(starts):
        chunk_end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        is_last = index + 1 == len(starts)
        chunk_line += text.count("\n", counted_to, start.start())
        counted_to = start.start()
        if start.group("type").lower() in _NOT_ENTRIES and start.group("type").lower() != "string":
            continue
        chunk = text[start.start() : chunk_end]
        if "%" in chunk:
            # Comment lines between entries may hold an `@`; blank them, keeping the line count.
            chunk = _COMMENT_LINE.sub("", chunk)
        simple = _read_simple_entry(chunk)
        if simple is not None:
            entry_type, key, raw_fields = simple
            # The `@` is on the chunk's first line.
            yield _build_entry(entry_type.lower(), key, raw_fields, source, chunk_line)
        else:
            yield from _read_chunk(chunk, chunk_line, start.group("key"), is_last, source, macros)


def _read_simple_entry(chunk: str) -> tuple[str, str, list[tuple[str, list[str]]]] | None:
    """(type, key, fields) of a chunk holding one entry of the simple shape and nothing after it but
    text without an `@`; None for anything else, which pybtex's parser then reads (or refuses)."""
    flat_entry = _FLAT_ENTRY.match(chunk)
    if flat_entry is not None:
        if flat_entry.group("type").lower() in _NOT_ENTRIES:
            return None
        start, end = flat_entry.span("fields")
        # The groups that did not take part are "": the value is the one that did.
        flat_fields = [(name, [braced or quoted or number]) for name, braced, quoted, number in _FLAT_FIELD.findall(chunk, start, end)]
        return flat_entry.group("type"), flat_entry.group("key"), flat_fields
    head = _SIMPLE_HEAD.match(chunk)
    if head is None or head.group("type").lower() in _NOT_ENTRIES:
        return None
    fields: list[tuple[str, list[str]]] = []
    position, end = head.end(), len(chunk)
    while True:
        flat = _FLAT_FIELD.match(chunk, position)
        if flat is not None:
            braced, quoted, number = flat.group("braced", "quoted", "number")
            value = braced if braced is not None else quoted if quoted is not None else number
            fields.append((flat.group("name"), [value]))
            position = flat.end()
            continue
        # Token by token, for a value with braces inside, or the end of the entry.
        position = _WHITESPACE.match(chunk, position).end()
        if position == end:
            return None
        if chunk[position] == "}":
            break
        if chunk[position] != ",":
            return None
        position = _WHITESPACE.match(chunk, position + 1).end()
        if chunk.startswith("}", position):  # a comma after the last field
            break
        name = _FIELD_NAME.match(chunk, position)
        if name is None:
            return None
        position = _WHITESPACE.match(chunk, name.end()).end()
        if not chunk.startswith("=", position):
            return None
        position = _WHITESPACE.match(chunk, position + 1).end()
        value_and_end = _read_simple_value(chunk, position)
        if value_and_end is None:
            return None
        value, position = value_and_end
        fields.append((name.group(), [value]))
    if "@" in chunk[position + 1 :]:
        return None  # pybtex reads another command there: let it report it
    return head.group("type"), head.group("key"), fields


def _read_simple_value(chunk: str, position: int) -> tuple[str, int] | None:
    """A {braced} or "quoted" value or a number starting at `position`, and the position after it."""
    opening = chunk[position : position + 1]
    if opening == "{" or opening == '"':
        depth = 0
        scan = position + 1
        while True:
            found = _BRACE_OR_QUOTE.search(chunk, scan)
            if found is None:
                return None
            character, scan = found.group(), found.end()
            if character == "{":
                depth += 1
                if depth > _MAX_SIMPLE_DEPTH:
                    return None
            elif character == "}":
                if depth == 0:
                    if opening == "{":
                        return chunk[position + 1 : scan - 1], scan
                    return None  # "unbalanced braces" in a quoted value
                depth -= 1
            elif depth == 0 and opening == '"':
                return chunk[position + 1 : scan - 1], scan
    number = _NUMBER.match(chunk, position)
    if number is None:
        return None  # a macro name, or no value at all
    return number.group(), number.end()


def _read_chunk(
    chunk: str, chunk_line: int, key_guess: str, is_last: bool, source: _SourceFile, macros: _MacroTable
) -> Iterator[tuple[BibEntry | None, list[Problem]]]:
    from pybtex.database.input.bibtex import LowLevelParser

    parser = LowLevelParser(chunk, macros=macros.table, handle_error=_raise_stop)
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


def _syntax_problem(error, chunk_line: int, key: str, is_last: bool, path: str) -> Problem:
    """`error`: the PybtexSyntaxError pybtex's parser stopped at."""
    from pybtex.scanner import PrematureEOF

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
        # pybtex's normalize_whitespace: every run of whitespace one space, none at the ends
        fields[name] = " ".join("".join(value_parts).split())

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
    if language_tag(fields.get("langid")) is None:
        problem(
            f"entry `{key}` has the langid `{fields['langid']}`, which the site does not know",
            f"write the language of the work as BibLaTeX names it: one of {accepted_langids()}",
        )  # fmt: skip
    # latex_problems only finds fault with a value holding a `%` or a backslash
    all_values = "".join(fields.values())
    if "%" in all_values or "\\" in all_values:
        for name in RENDERED_FIELDS:
            for reason in latex_problems(fields.get(name, "")):
                problem(f"field `{name}` of `{key}`: {reason}", "fix the value so that it reads as intended")

    names: dict[str, tuple[Name, ...]] = {}
    for role in PERSON_ROLES:
        if role in fields:
            try:
                names[role] = _names(fields[role])
            except Exception as error:
                if not _is_pybtex_error(error):
                    raise
                problem(
                    f"field `{role}` of `{key}` has a name pybtex cannot read: {error}",
                    "write each name as `Surname, Given Names` and separate names with ` and `",
                )  # fmt: skip
    entry = BibEntry(
        key=key, type=entry_type, fields=fields, names=names,
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
        for name in alternatives:
            if fields.get(name, "").strip():
                break
        else:
            wanted = " or ".join(f"`{name}`" for name in alternatives)
            needs = "; ".join(" or ".join(group) for group in REQUIRED_FIELDS[entry_type])
            problem(
                f"@{entry_type} `{key}` has no {wanted}",
                f"add it from the source you checked (an @{entry_type} needs {needs}), or change the entry type",
            )


# --- names ----------------------------------------------------------------------------------------


def _is_pybtex_error(error: Exception) -> bool:
    """Whether pybtex refused a name. Only pybtex's own code raises its errors, and it is imported
    only for the names that need it (see _name), so a build of plain names never imports it."""
    from pybtex.exceptions import PybtexError

    return isinstance(error, PybtexError)


def _persons(value: str) -> tuple[Person, ...]:
    """The people of an author or editor field, as pybtex's split_name_list and Person read them."""
    return tuple(name_person(name) for name in _names(value))


def _names(value: str) -> tuple[Name, ...]:
    if "{" in value:
        from pybtex.bibtex.utils import split_name_list

        names = split_name_list(value)
    else:
        # split_name_list splits at " and " outside braces, and strips each name
        names = [name.strip() for name in _AND.split(value)] if value else []
    return tuple(_name(name) for name in names)


def _name(name: str) -> Name:
    """pybtex's Person(name), worked out here for a name without braces, backslashes or ties, where
    pybtex's TeX-aware splitting is plain splitting at whitespace and commas."""
    if "{" in name or "\\" in name or "~" in name:
        return _pybtex_name(name)
    parts = [part.strip() for part in name.strip().split(",")]
    if len(parts) > 3:
        return _pybtex_name(name)  # for pybtex's error about too many commas
    if len(parts) == 1:  # First von Last
        words = parts[0].split()
        first_middle, von_last = _split_at(words, _is_von_name)
        if not von_last and first_middle:
            von_last.append(first_middle.pop())
        lineage: list[str] = []
    else:  # von Last, First   or   von Last, Jr, First
        von_last = parts[0].split()
        lineage = parts[1].split() if len(parts) == 3 else []
        first_middle = parts[-1].split()
    # the last word is always part of the last name, never a "von"
    prelast, last = _rsplit_at(von_last[:-1], _is_von_name) if len(von_last) > 1 else ([], [])
    return (tuple(first_middle[:1]), tuple(first_middle[1:]), tuple(prelast), (*last, *von_last[-1:]), tuple(lineage))


def _pybtex_name(name: str) -> Name:
    from pybtex.database import Person

    person = Person(name)
    return (
        tuple(person.first_names), tuple(person.middle_names), tuple(person.prelast_names),
        tuple(person.last_names), tuple(person.lineage_names),
    )  # fmt: skip


def _is_von_name(word: str) -> bool:
    """"van", "de": a word whose first letter is lowercase (pybtex's rule, for a word without braces).

    The first character decides when it has a case even if it is no letter ("ⅰ" is lowercase)."""
    if word[0].isupper():
        return False
    if word[0].islower():
        return True
    for character in word:
        if character.isalpha():
            return character.islower()
    return False


def _find_position(words, predicate) -> int:
    # pybtex's find_pos, whose result for no match is one past the last index (1 for no words)
    index = 0
    for index, word in enumerate(words):
        if predicate(word):
            return index
    return index + 1


def _split_at(words: list[str], predicate) -> tuple[list[str], list[str]]:
    position = _find_position(words, predicate)
    return words[:position], words[position:]


def _rsplit_at(words: list[str], predicate) -> tuple[list[str], list[str]]:
    position = len(words) - _find_position(reversed(words), predicate)
    return words[:position], words[position:]
