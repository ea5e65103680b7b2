"""Sentence case for titles, as APA asks, leaving {braced} words exactly as the source wrote them."""

from __future__ import annotations

from pybtex.richtext import BaseMultipartText, Protected, String, Text

# APA capitalises the first word of the title and the first word after a colon, an em dash or
# end punctuation; everything else is lowercase unless it is a proper noun, which BibTeX marks with braces.
_STARTS_NEW_PHRASE = frozenset(":?!.\u2014")


def sentence_case(text: Text) -> Text:
    capitalise_next = True

    def convert(part):
        nonlocal capitalise_next
        if isinstance(part, Protected):
            if any(character.isalnum() for character in str(part)):
                capitalise_next = False
            return part
        if isinstance(part, String):
            characters = []
            previous = ""
            for character in part.value:
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
            return String("".join(characters))
        if isinstance(part, BaseMultipartText):
            return part._create_similar([convert(child) for child in part.parts])
        return part

    return convert(text)
