"""A quick yes for front matter that is valid, compiled from its JSON Schema.

Every build checks the front matter of every page in every language, and almost all of it is
valid. Generic JSON Schema validation walks the schema anew for each page; a schema compiled once
into plain Python checks answers in a fraction of the time. The compiled check says "valid" only
when JSON Schema would: where it is unsure (a float where an integer is asked for, a list of
objects that must be unique) it says "not known to be valid", and jsonschema then validates the
page and explains each problem. A schema using a keyword this module does not know is not
compiled at all, and its pages always go to jsonschema.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

Check = Callable[[object], bool]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples",
                          "deprecated", "readOnly", "writeOnly"})


class UnsupportedSchema(Exception):
    """The schema uses something the compiled checks do not do; validate with jsonschema only."""


def compile_schema(name: str, schemas: Mapping[str, dict]) -> Check:
    """The check for the schema `schemas[name]`, whose `$ref`s name other schemas of `schemas` by
    their `$id` (or point into the same schema, `#/$defs/...`). Raises UnsupportedSchema."""
    return _Compiler(schemas).compile(schemas[name], name)


class _Compiler:
    def __init__(self, schemas: Mapping[str, dict]):
        self.schemas = schemas
        self.references: dict[str, Check] = {}  # "resource#pointer": its check, compiled once

    def compile(self, schema: object, resource: str) -> Check:
        if schema is True:
            return lambda instance: True
        if schema is False:
            return lambda instance: False
        if not isinstance(schema, dict):
            raise UnsupportedSchema(f"a schema that is a {type(schema).__name__}")
        unknown = set(schema) - _ANNOTATIONS - set(_KEYWORDS)
        if unknown:
            raise UnsupportedSchema(", ".join(sorted(unknown)))
        checks = [_KEYWORDS[keyword](self, schema, resource) for keyword in schema if keyword in _KEYWORDS]
        checks = [check for check in checks if check is not None]
        if not checks:
            return lambda instance: True
        if len(checks) == 1:
            return checks[0]
        return lambda instance: all(check(instance) for check in checks)

    def reference(self, schema: dict, resource: str) -> Check:
        target = schema["$ref"]
        uri, _, pointer = target.partition("#")
        uri = uri or resource
        if uri not in self.schemas:
            raise UnsupportedSchema(f"$ref to {target}")
        key = f"{uri}#{pointer}"
        if key not in self.references:
            # Put in first, so that a schema referring to itself does not compile forever.
            self.references[key] = lambda instance: compiled(instance)
            compiled = self.compile(_follow(self.schemas[uri], pointer, target), uri)
            self.references[key] = compiled
        return lambda instance: self.references[key](instance)


def _follow(schema: dict, pointer: str, target: str) -> object:
    node: object = schema
    for part in pointer.split("/")[1:] if pointer else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise UnsupportedSchema(f"$ref to {target}, which the schema does not have")
        node = node[part]
    return node


# --- keywords: each returns a check of one keyword, or None when the keyword checks nothing -------


def _is_number(instance: object) -> bool:
    return isinstance(instance, (int, float)) and not isinstance(instance, bool)


_TYPES: dict[str, Check] = {
    "object": lambda instance: isinstance(instance, dict),
    "array": lambda instance: isinstance(instance, list),
    "string": lambda instance: isinstance(instance, str),
    # JSON Schema also counts 1.0 as an integer; unsure here, so such a page goes to jsonschema.
    "integer": lambda instance: isinstance(instance, int) and not isinstance(instance, bool),
    "number": _is_number,
    "boolean": lambda instance: isinstance(instance, bool),
    "null": lambda instance: instance is None,
}


def _type(compiler: _Compiler, schema: dict, resource: str) -> Check:
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    if not all(name in _TYPES for name in names):
        raise UnsupportedSchema(f"type {schema['type']}")
    checks = [_TYPES[name] for name in names]
    return lambda instance: any(check(instance) for check in checks)


def _scalar_key(value: object) -> tuple | None:
    """What makes two JSON scalars equal here: the same Python type and value. JSON Schema also
    holds 1 and 1.0 equal; such pairs are left to jsonschema. None for lists, objects and floats."""
    if isinstance(value, (str, bool, int)) or value is None:
        return (type(value), value)
    return None


def _enum(compiler: _Compiler, schema: dict, resource: str) -> Check:
    allowed = {_scalar_key(value) for value in schema["enum"]} - {None}
    return lambda instance: (key := _scalar_key(instance)) is not None and key in allowed


def _const(compiler: _Compiler, schema: dict, resource: str) -> Check:
    expected = _scalar_key(schema["const"])
    return lambda instance: expected is not None and _scalar_key(instance) == expected


def _length_limit(keyword: str, kind: type, at_least: bool) -> Callable[[_Compiler, dict, str], Check]:
    """minLength, maxLength, minItems and maxItems: a bound on the length of a string or a list."""
    def compile_limit(compiler: _Compiler, schema: dict, resource: str) -> Check:
        limit = schema[keyword]
        if at_least:
            return lambda instance: not isinstance(instance, kind) or len(instance) >= limit
        return lambda instance: not isinstance(instance, kind) or len(instance) <= limit
    return compile_limit


def _pattern(compiler: _Compiler, schema: dict, resource: str) -> Check:
    pattern = re.compile(schema["pattern"])  # jsonschema, too, searches with Python's re
    return lambda instance: not isinstance(instance, str) or pattern.search(instance) is not None


def _minimum(compiler: _Compiler, schema: dict, resource: str) -> Check:
    limit = schema["minimum"]
    return lambda instance: not _is_number(instance) or instance >= limit


def _maximum(compiler: _Compiler, schema: dict, resource: str) -> Check:
    limit = schema["maximum"]
    return lambda instance: not _is_number(instance) or instance <= limit


def _unique_items(compiler: _Compiler, schema: dict, resource: str) -> Check | None:
    if not schema["uniqueItems"]:
        return None

    def unique(instance: object) -> bool:
        if not isinstance(instance, list):
            return True
        keys = [_scalar_key(item) for item in instance]
        # Lists and objects as items: unsure, so jsonschema decides.
        return None not in keys and len(set(keys)) == len(keys)

    return unique


def _items(compiler: _Compiler, schema: dict, resource: str) -> Check:
    if "prefixItems" in schema:
        raise UnsupportedSchema("prefixItems")
    check = compiler.compile(schema["items"], resource)
    return lambda instance: not isinstance(instance, list) or all(check(item) for item in instance)


def _properties(compiler: _Compiler, schema: dict, resource: str) -> Check:
    checks = {name: compiler.compile(subschema, resource) for name, subschema in schema["properties"].items()}

    def properties(instance: object) -> bool:
        if not isinstance(instance, dict):
            return True
        return all(check(instance[name]) for name, check in checks.items() if name in instance)

    return properties


def _additional_properties(compiler: _Compiler, schema: dict, resource: str) -> Check:
    if "patternProperties" in schema:
        raise UnsupportedSchema("patternProperties")
    declared = frozenset(schema.get("properties", {}))
    check = compiler.compile(schema["additionalProperties"], resource)

    def additional(instance: object) -> bool:
        if not isinstance(instance, dict):
            return True
        return all(check(value) for name, value in instance.items() if name not in declared)

    return additional


def _required(compiler: _Compiler, schema: dict, resource: str) -> Check:
    names = tuple(schema["required"])
    return lambda instance: not isinstance(instance, dict) or all(name in instance for name in names)


_KEYWORDS: dict[str, Callable[[_Compiler, dict, str], Check | None]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "minLength": _length_limit("minLength", str, at_least=True),
    "maxLength": _length_limit("maxLength", str, at_least=False),
    "pattern": _pattern,
    "minimum": _minimum,
    "maximum": _maximum,
    "minItems": _length_limit("minItems", list, at_least=True),
    "maxItems": _length_limit("maxItems", list, at_least=False),
    "uniqueItems": _unique_items,
    "items": _items,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "required": _required,
    "$ref": _Compiler.reference,
}
