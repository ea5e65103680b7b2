"""YAML data files read with libyaml when PyYAML has it: the same safe loading, several times faster.

The site reads its UI strings, vocabularies, rules and topic labels on every build; with the
pure-Python loader that alone costs a noticeable part of a build.
"""

from __future__ import annotations

from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=_SAFE_LOADER)
