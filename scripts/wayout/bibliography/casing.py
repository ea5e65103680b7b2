"""Sentence case for titles, as APA asks, leaving {braced} words exactly as the source wrote them."""

from __future__ import annotations

import re

from wayout.bibliography.latex import Segments

# APA capitalises the first word of the title and the first word after a colon, an em dash or
# end punctuation; everything else is lowercase unless it is a proper noun, which BibTeX marks with braces.
_STARTS_NEW_PHRASE = frozenset(":?!.\u2014")
_NEW_PHRASE_ASCII = re.compile(r"[:?!.]\s")  # the end of a phrase and the space after it
_LETTER_OR_DIGIT_ASCII = re.compile(r"[A-Za-z0-9]")


def sentence_case(segments: Segments, *, ascii_shortcut: bool = True) -> str:
    """The plain text of a title's segments (see latex.latex_segments) in sentence case.

    `ascii_shortcut=False` takes the character-by-character path for every segment; the tests use it
    as the reference that the faster ASCII path must agree with."""
    capitalise_next = True
    converted = []
    for text, protected in segments:
        if protected:
            if any(character.isalnum() for character in text):
                capitalise_next = False
            converted.append(text)
            continue
        if ascii_shortcut and text.isascii():
            cased, capitalise_next = _sentence_case_ascii(text, capitalise_next)
        else:
            cased, capitalise_next = _sentence_case_characters(text, capitalise_next)
        converted.append(cased)
    return "".join(converted)


def _sentence_case_characters(text: str, capitalise_next: bool) -> tuple[str, bool]:
    """One unbraced segment, character by character. Returns the text and whether the next segment
    starts a phrase."""
    characters = []
    previous = ""  # only within one unbraced segment: a brace group ending in ":" starts no new phrase
    for character in text:
        if character.isalpha():
            characters.append(character.upper() if capitalise_next else character.lower())
            capitalise_next = False
        else:
            if character.isdigit():
                capitalise_next = False
            elif character.isspace() and previous in _STARTS_NEW_PHRASE:
                capitalise_next = True
            characters.append(character)
        previous = character
    return "".join(characters), capitalise_next


def _sentence_case_ascii(text: str, capitalise_next: bool) -> tuple[str, bool]:
    """The loop of sentence_case for ASCII text, where lowercasing the whole string lowercases each
    letter alone: lowercase everything, then capitalise the first letter of each phrase unless a
    digit comes first ("2nd edition"). Returns the text and whether the next segment starts a phrase."""
    phrase_starts = [0] if capitalise_next else []
    phrase_starts += [match.end() for match in _NEW_PHRASE_ASCII.finditer(text)]
    cased = text.lower()
    for start in phrase_starts:
        first = _LETTER_OR_DIGIT_ASCII.search(text, start)
        if first is None:
            return cased, True  # this phrase (and any later one) starts in the next segment
        position = first.start()
        if first.group().isalpha():
            cased = cased[:position] + cased[position].upper() + cased[position + 1 :]
    return cased, False
