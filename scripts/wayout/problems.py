"""A problem in a contributor's input, reported as `file:line: what is wrong — how to fix it`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.fix}"


class ProblemsFound(Exception):
    """Raised with every problem found, so a contributor sees them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    heading = f"{count} problem{'s' if count != 1 else ''} found:"
    return "\n".join([heading, *(f"  {problem}" for problem in problems)])


def display_path(path: Path, root: Path) -> str:
    """A path as the contributor knows it: relative to the project root where possible."""
    if ".." not in path.parts:
        # Most paths are made from the root: no need to ask the file system (a build shows every page).
        if path.is_absolute() and not root.is_absolute():
            root = Path(os.path.abspath(root))
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
