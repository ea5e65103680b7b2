"""Language tags as the site's configuration and data files write them: "pt", "pt-BR", "pt_BR"."""

from __future__ import annotations


def base_language(tag: str) -> str:
    """The language without its region: "pt" for "pt-BR" or "pt_BR"."""
    return tag.split("-")[0].split("_")[0]
