"""Results kept per text: a build asks the same question of the same page several times (the page
checks, each translation's comparison with its English page, the rendering in each language).

Keyed by a digest of the text rather than the text, so that a cache keeps no copy of the pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")

DEFAULT_LIMIT = 50_000


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class TextCache(Generic[Value]):
    """Values by (digest of a text, anything else the value depends on). Emptied when it holds
    `limit` values: a long `mkdocs serve` session would otherwise keep one for every edit."""

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.limit = limit
        self._values: dict[tuple, Value] = {}

    def get(self, text: str, make: Callable[[], Value], *extra: Hashable) -> Value:
        key = (text_digest(text), *extra)
        try:
            return self._values[key]
        except KeyError:
            if len(self._values) >= self.limit:
                self._values.clear()
            value = self._values[key] = make()
            return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        self._values.clear()
