"""BibTeX field values (LaTeX) to pybtex rich text and plain Unicode, fast."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.markup import LaTeXParser
from pybtex.richtext import BaseMultipartText, String, Text

# latexcodec costs about 1 ms per title, so it only runs when the value holds something it would
# change: a command, a tie, a comment, math, or a dash or quote ligature.
_NEEDS_CODEC = re.compile(r"[\\~%$]|--|``|''")
_LEFTOVER_COMMAND = re.compile(r"\\[A-Za-z]+|\\.")
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")
# LaTeX typesets ` and ' as curly quotes; the codec leaves single ones alone.
_QUOTES = str.maketrans({"`": "\u2018", "'": "\u2019"})


@lru_cache(maxsize=65536)
def latex_to_rich(value: str) -> Text:
    """Rich text with {braced} parts kept as Protected, so that sentence case leaves them alone."""
    return _curly_quotes(LaTeXParser(_decode(value)).parse())


@lru_cache(maxsize=65536)
def latex_to_plain(value: str) -> str:
    return str(latex_to_rich(value))


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
    return codecs.decode(value, "ulatex") if _NEEDS_CODEC.search(value) else value


def _curly_quotes(text: Text) -> Text:
    def convert(part):
        if isinstance(part, String):
            return String(part.value.translate(_QUOTES))
        if isinstance(part, BaseMultipartText):
            return part._create_similar([convert(child) for child in part.parts])
        return part

    if not any(mark in str(text) for mark in "`'"):
        return text
    return convert(text)
