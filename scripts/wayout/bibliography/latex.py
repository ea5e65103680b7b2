"""BibTeX field values (LaTeX) to plain Unicode and to the {braced} segments that sentence case keeps.

Most values are plain words: no braces and nothing latexcodec would change. They are handled with
string operations alone. Anything else goes through latexcodec and pybtex's LaTeX parser, imported
only when a value first needs them (latexcodec alone costs tens of milliseconds to import).
"""

from __future__ import annotations

import re
from functools import lru_cache

# latexcodec costs about 1 ms per title, so it only runs when the value holds something it would
# change: a command, a tie, a comment, math, or a dash or quote ligature.
_NEEDS_CODEC = re.compile(r"[\\~%$]|--|``|''")
# What sends a value down the slow path: the codec's triggers, and braces (pybtex's parser).
_NOT_PLAIN = re.compile(r"[\\~%${}]|--|``|''")
# Page ranges ("647--661") hold the one ligature the codec would change: the dashes. In a value of
# these characters only, single-spaced and trimmed (as every field value is after loading), the codec
# does nothing else, so "---" and "--" are replaced directly. Checked against latexcodec, character
# by character, on every dash run and neighbour; quotes and ",," are left out because the codec
# turns `` '' ,, !` ?` into other characters.
_ONLY_DASH_LIGATURES = re.compile(r"(?:[A-Za-z0-9.:;()/\-]|,(?!,))+(?: (?:[A-Za-z0-9.:;()/\-]|,(?!,))+)*")
_LEFTOVER_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")
# LaTeX typesets ` and ' as curly quotes; the codec leaves single ones alone.
_QUOTES = str.maketrans({"`": "\u2018", "'": "\u2019"})

# A value as a sequence of (text, protected): `protected` for a top-level {braced} group, which
# sentence case leaves exactly as written.
Segments = tuple[tuple[str, bool], ...]


def is_plain(value: str) -> bool:
    """True when the value reads as written (apart from curly quotes): no braces, no LaTeX."""
    return _NOT_PLAIN.search(value) is None


@lru_cache(maxsize=65536)
def latex_to_plain(value: str) -> str:
    if _NOT_PLAIN.search(value) is None:
        return value.translate(_QUOTES) if ("`" in value or "'" in value) else value
    if _ONLY_DASH_LIGATURES.fullmatch(value):
        return value.replace("---", "\u2014").replace("--", "\u2013")
    return "".join(text for text, _protected in latex_segments(value))


@lru_cache(maxsize=65536)
def latex_segments(value: str) -> Segments:
    """The value's top-level parts in order, as pybtex's LaTeX parser splits them."""
    if _NOT_PLAIN.search(value) is None or _ONLY_DASH_LIGATURES.fullmatch(value):
        plain = latex_to_plain(value)
        return ((plain, False),) if plain else ()
    from pybtex.richtext import Protected

    return tuple((str(part), isinstance(part, Protected)) for part in latex_to_rich(value).parts)


@lru_cache(maxsize=4096)
def latex_to_rich(value: str):
    """pybtex rich text with {braced} parts kept as Protected (the slow path of latex_segments)."""
    from pybtex.markup import LaTeXParser

    return _curly_quotes(LaTeXParser(_decode(value)).parse())


def latex_problems(value: str) -> list[str]:
    """What in a field value would not render as its author meant, in words for the contributor.

    Unbalanced braces are not checked here: pybtex's parser already refuses them.
    """
    problems = []
    if "%" in value and _UNESCAPED_PERCENT.search(value):
        problems.append("an unescaped `%` starts a LaTeX comment and hides the rest of the value; write `\\%`")
    if "\\" in value:
        leftovers = sorted(set(_LEFTOVER_COMMAND.findall(_decode(value))))
        if leftovers:
            commands = ", ".join(f"`{command}`" for command in leftovers)
            problems.append(f"LaTeX command {commands} cannot be shown on the web; type the character itself (UTF-8)")
    return problems


@lru_cache(maxsize=65536)
def _decode(value: str) -> str:
    if not _NEEDS_CODEC.search(value):
        return value
    import codecs

    import latexcodec  # noqa: F401  (registers the "ulatex" codec)

    return codecs.decode(value, "ulatex")


def _curly_quotes(text):
    from pybtex.richtext import BaseMultipartText, String

    def convert(part):
        if isinstance(part, String):
            return String(part.value.translate(_QUOTES))
        if isinstance(part, BaseMultipartText):
            return part._create_similar([convert(child) for child in part.parts])
        return part

    if not any(mark in str(text) for mark in "`'"):
        return text
    return convert(text)
