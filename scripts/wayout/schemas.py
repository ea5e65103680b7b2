"""Front-matter schemas per page type, checked with JSON Schema and reported with file and line."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import jsonschema
from referencing import Registry, Resource

from wayout.compiled_schemas import Check, UnsupportedSchema, compile_schema
from wayout.frontmatter import FrontMatter
from wayout.problems import Problem
from wayout.vocabularies import load_vocabularies

SCHEMA_PACKAGE = "wayout.data.schemas"


@cache
def schema_names() -> tuple[str, ...]:
    names = (entry.name for entry in resources.files(SCHEMA_PACKAGE).iterdir())
    return tuple(sorted(name.removesuffix(".schema.json") for name in names if name.endswith(".schema.json")))


@cache
def page_types() -> tuple[str, ...]:
    """The page types: schemas that fix a front-matter `type` (others, like evaluation, are parts)."""
    return tuple(name for name in schema_names() if "const" in schema_for(name)["properties"].get("type", {}))


@cache
def schema_for(name: str) -> dict:
    """A schema with every controlled vocabulary filled in as an enum under $defs, as published."""
    text = resources.files(SCHEMA_PACKAGE).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema = json.loads(text)
    vocabularies = load_vocabularies()
    definitions = schema.setdefault("$defs", {})
    for vocabulary in vocabularies.names():
        definitions[vocabulary] = {"enum": vocabularies.values(vocabulary), "description": f"A value of the `{vocabulary}` vocabulary."}
    return schema


@cache
def _registry() -> Registry:
    resources_by_id = [(f"{name}.schema.json", Resource.from_contents(schema_for(name))) for name in schema_names()]
    return Registry().with_resources(resources_by_id)


@cache
def _validator(page_type: str) -> jsonschema.Draft202012Validator:
    schema = schema_for(page_type)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=_registry())


@cache
def _compiled_check(page_type: str) -> Check | None:
    """The quick check of valid front matter (wayout.compiled_schemas), if the schema compiles."""
    _validator(page_type)  # the schema itself is checked first
    try:
        return compile_schema(f"{page_type}.schema.json", {f"{name}.schema.json": schema_for(name) for name in schema_names()})
    except UnsupportedSchema:
        return None


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
    quick_check = _compiled_check(page_type)
    if quick_check is not None and quick_check(front.data):
        return []
    validator = _validator(page_type)
    problems = []
    for error in validator.iter_errors(front.data):
        problems.extend(_describe(error, front, display, page_type))
    return problems


def _describe(error: jsonschema.ValidationError, front: FrontMatter, display: str, page_type: str):
    if error.validator in ("anyOf", "oneOf") and error.context:
        # Report the most specific reason rather than "is not valid under any of the given schemas".
        error = max(error.context, key=lambda sub: len(sub.absolute_path))
    path = tuple(error.absolute_path)
    where = ".".join(str(part) for part in path) or "front matter"
    schema_file = f"scripts/wayout/data/schemas/{page_type}.schema.json"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield Problem(
                display,
                front.line_of((*path, key)),
                f"unknown field `{key}` in `{where}`" if path else f"unknown field `{key}` for a page of type `{page_type}`",
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
        vocabulary = _vocabulary_of(error)
        where_allowed = f" (the `{vocabulary}` list in scripts/wayout/data/vocabularies.yml)" if vocabulary else ""
        yield Problem(
            display,
            front.line_of(path),
            f"`{where}` is {error.instance!r}, which is not allowed",
            f"use one of{where_allowed}: {', '.join(map(str, allowed))}",
        )
    else:
        yield Problem(
            display,
            front.line_of(path),
            f"`{where}`: {error.message}",
            f"correct the value as {schema_file} describes",
        )


def _vocabulary_of(error: jsonschema.ValidationError) -> str | None:
    description = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    if description.startswith("A value of the `"):
        return description.split("`")[1]
    return None
