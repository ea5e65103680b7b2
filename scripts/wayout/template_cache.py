"""Our theme overrides' templates, compiled once per process.

mkdocs-static-i18n builds each language in turn, and every build makes a new Jinja environment
that compiles again each template it uses. The templates under our own folders are compiled once
and reused, as long as their text stays the same; Material's own templates compile as they would
without us.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class OwnTemplatesCache(BytecodeCache):
    """A Jinja bytecode cache, in memory, for the templates found under `folders` only."""

    def __init__(self, folders: Iterable[str | os.PathLike]):
        self._folders = tuple(os.path.join(os.path.abspath(folder), "") for folder in folders)
        self._own_keys: set[str] = set()
        self._compiled: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = super().get_cache_key(name, filename)
        if filename and os.path.abspath(filename).startswith(self._folders):
            self._own_keys.add(key)
        return key

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            # Checked against the template's current text: an edited template is compiled again.
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._own_keys:
            self._compiled[bucket.key] = bucket.bytecode_to_string()


_CACHES: dict[tuple[str, ...], OwnTemplatesCache] = {}


def own_templates_cache(folders: Iterable[str | os.PathLike]) -> OwnTemplatesCache:
    """The process's cache for these folders: every build of the same site shares it."""
    key = tuple(os.path.abspath(folder) for folder in folders)
    if key not in _CACHES:
        _CACHES[key] = OwnTemplatesCache(key)
    return _CACHES[key]
