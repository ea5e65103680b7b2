"""Front-matter schemas per page type, checked with JSON Schema and reported with file and line."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import jsonschema

from wayout.frontmatter import FrontMatter
from wayout.problems import Problem

SCHEMA_PACKAGE = "wayout.data.schemas"


@cache
def page_types() -> tuple[str, ...]:
    """The page types that have a schema, from the schema files shipped with the package."""
    names = (entry.name for entry in resources.files(SCHEMA_PACKAGE).iterdir())
    return tuple(sorted(name.removesuffix(".schema.json") for name in names if name.endswith(".schema.json")))


@cache
def schema_for(page_type: str) -> dict:
    text = resources.files(SCHEMA_PACKAGE).joinpath(f"{page_type}.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator(page_type: str) -> jsonschema.Draft202012Validator:
    schema = schema_for(page_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_front_matter(front: FrontMatter, display: str) -> list[Problem]:
    page_type = front.data.get("type")
    if page_type is None:
        return [
            Problem(
                display,
                front.first_line,
                "the front matter has no `type`",
                f"add `type:` with one of: {', '.join(page_types())}",
            )
        ]
    if page_type not in page_types():
        return [
            Problem(
                display,
                front.line_of(("type",)),
                f"unknown page type `{page_type}`",
                f"use one of: {', '.join(page_types())}",
            )
        ]
    validator = _validator(page_type)
    problems = []
    for error in validator.iter_errors(front.data):
        problems.extend(_describe(error, front, display, page_type))
    return problems


def _describe(error: jsonschema.ValidationError, front: FrontMatter, display: str, page_type: str):
    path = tuple(error.absolute_path)
    where = ".".join(str(part) for part in path) or "front matter"
    schema_file = f"scripts/wayout/data/schemas/{page_type}.schema.json"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield Problem(
                display,
                front.line_of((*path, key)),
                f"unknown field `{key}` for a page of type `{page_type}`",
                f"remove it or use one of: {', '.join(allowed)}",
            )
    elif error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        for key in missing:
            yield Problem(
                display,
                front.line_of(path),
                f"the required field `{key}` is missing",
                f"add `{key}:` to the front matter (see {schema_file})",
            )
    elif error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        yield Problem(
            display,
            front.line_of(path),
            f"`{where}` is {error.instance!r}, which is not allowed",
            f"use one of: {', '.join(map(str, allowed))}",
        )
    else:
        yield Problem(
            display,
            front.line_of(path),
            f"`{where}`: {error.message}",
            f"correct the value as {schema_file} describes",
        )
