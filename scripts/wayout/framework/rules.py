"""Loading the framework's rules, which the Python engine and the browser engine share."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from wayout import yaml_files

RULES_PACKAGE = "wayout.data.framework"


@cache
def load_rules() -> dict:
    text = resources.files(RULES_PACKAGE).joinpath("rules.yml").read_text("utf-8")
    return _string_keys(yaml_files.safe_load(text))


@cache
def load_practice() -> dict:
    text = resources.files(RULES_PACKAGE).joinpath("practice.yml").read_text("utf-8")
    return _string_keys(yaml_files.safe_load(text))


def rules_as_json() -> str:
    """The rules and practice questions as one JSON document, as the browser engine reads them."""
    return json.dumps({"rules": load_rules(), "practice": load_practice()}, ensure_ascii=False, sort_keys=True)


def _string_keys(value):
    """JSON has only string keys; using them here too means both engines look values up the same way."""
    if isinstance(value, dict):
        return {str(key): _string_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_string_keys(item) for item in value]
    return value
