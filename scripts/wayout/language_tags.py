"""Language tags as the site's configuration and data files write them: "pt", "pt-BR", "pt_BR"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

Value = TypeVar("Value")


def base_language(tag: str) -> str:
    """The language without its region: "pt" for "pt-BR" or "pt_BR"."""
    return tag.split("-")[0].split("_")[0]


def for_language(values: Mapping[str, Value], tag: str) -> Value | None:
    """The value for `tag`, else for its base language ("pt" for "pt-BR"); None (or an empty
    value) when neither has one, for the caller to fall back as it must."""
    return values.get(tag) or values.get(base_language(tag))
