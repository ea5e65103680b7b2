"""APA's two ways of keeping author–date citations apart, decided over the whole bibliography.

Deciding over the whole bibliography (not per page) means a key always gets the same label on
every page and in every language.

- Same creators, same year: letters after the year in title order, "2017a", "2017b" (APA 8.19),
  "n.d.-a" for undated works.
- Different works that would both shorten to "Kapoor et al., 2017": as many names as it takes to
  tell them apart, then "et al."; all names when only the last one differs, because "et al." is
  plural and cannot stand for one name (APA 8.18).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping
from string import ascii_lowercase

from wayout.bibliography.names import fold
from wayout.bibliography.prepared import PreparedEntry


def disambiguate(entries: Mapping[str, PreparedEntry]) -> dict[str, PreparedEntry]:
    letters = _year_letters(entries)
    names_in_citation = _names_in_citation(entries)
    decided = {}
    for key, entry in entries.items():
        letter, names = letters.get(key, ""), names_in_citation.get(key, 1)
        # Most entries need neither: the entry (immutable) is kept as it is.
        if (entry.letter, entry.names_in_citation) == (letter, names):
            decided[key] = entry
        else:
            decided[key] = dataclasses.replace(entry, letter=letter, names_in_citation=names)
    return decided


def _year_letters(entries: Mapping[str, PreparedEntry]) -> dict[str, str]:
    same_creators_and_year: dict[tuple, list[PreparedEntry]] = defaultdict(list)
    for entry in entries.values():
        who = entry.creators.identity if entry.creators else ("title", entry.title_sort_key)
        same_creators_and_year[(who, entry.year)].append(entry)
    letters = {}
    for group in same_creators_and_year.values():
        if len(group) > 1:
            group.sort(key=lambda entry: (entry.title_sort_key, entry.key))
            for index, entry in enumerate(group):
                letters[entry.key] = _letter(index)
    return letters


def _letter(index: int) -> str:
    """a … z, then aa, ab …: a bibliography will not hold 27 works by one author in one year, but it must not crash."""
    if index < len(ascii_lowercase):
        return ascii_lowercase[index]
    return _letter(index // len(ascii_lowercase) - 1) + ascii_lowercase[index % len(ascii_lowercase)]


def _names_in_citation(entries: Mapping[str, PreparedEntry]) -> dict[str, int]:
    shortened_alike: dict[tuple, list[PreparedEntry]] = defaultdict(list)
    for entry in entries.values():
        if entry.creators and entry.creators.count >= 3:
            shortened_alike[(fold(entry.creators.names[0].surname), entry.year)].append(entry)
    names_in_citation = {}
    for group in shortened_alike.values():
        surname_lists = {_surnames(entry) for entry in group}
        if len(surname_lists) < 2:
            continue
        for entry in group:
            mine = _surnames(entry)
            others = [other for other in surname_lists if other != mine]
            shown = 1
            while shown < len(mine) and any(other[:shown] == mine[:shown] for other in others):
                shown += 1
            if shown >= entry.creators.count - 1:
                shown = entry.creators.count
            names_in_citation[entry.key] = min(shown, len(entry.creators.names))
    return names_in_citation


def _surnames(entry: PreparedEntry) -> tuple[str, ...]:
    assert entry.creators is not None
    return tuple(fold(name.surname) for name in entry.creators.names) + (("et al.",) if entry.creators.and_others else ())
