"""The compiled check may say "valid" only where jsonschema finds nothing wrong."""

import copy

import pytest
from conftest import PROJECT_ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wayout.compiled_schemas import UnsupportedSchema, compile_schema
from wayout.frontmatter import parse_front_matter
from wayout.schemas import _compiled_check, _validator, page_types


def real_front_matters() -> list[tuple[str, dict]]:
    found = []
    for path in sorted((PROJECT_ROOT / "docs").rglob("*.md")):
        front, _ = parse_front_matter(path.read_text("utf-8"), str(path))
        if front is not None and front.data.get("type") in page_types():
            found.append((str(path.relative_to(PROJECT_ROOT)), front.data))
    return found


REAL = real_front_matters()


def jsonschema_valid(data: dict) -> bool:
    return not any(True for _ in _validator(data["type"]).iter_errors(data))


def test_every_page_type_compiles():
    assert all(_compiled_check(page_type) is not None for page_type in page_types())


def test_the_real_pages_get_the_same_verdict():
    # Every page of every language, valid or not: the quick check agrees with jsonschema, so it
    # both spares the valid pages the slow validation and sends every invalid one to it.
    assert len(REAL) > 400
    disagree = [path for path, data in REAL if _compiled_check(data["type"])(data) != jsonschema_valid(data)]
    assert disagree == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(["prison", "probation", "en", "2024-05-01", "x" * 400, "NO"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def paths_in(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_in(item, (*path, index))


def variations(value) -> list:
    """Values near the one a page has: where a limit or a vocabulary is crossed."""
    if isinstance(value, bool):
        return [not value, int(value), None]
    if isinstance(value, str):
        return ["", " ", value * 40, value.upper(), value + " ", int(value) if value.isdigit() else value[:1]]
    if isinstance(value, int):
        return [-1, 0, 10**6, float(value), str(value), True]
    if isinstance(value, list):
        return [[], value + value[:1], value * 2, value[:1] * 20, [*value, None]]
    if isinstance(value, dict):
        return [{}, {**value, "extra": 1}, list(value)]
    return [None, "", 0]


def test_no_single_change_near_a_limit_is_passed_that_jsonschema_rejects():
    # Every value of two pages of each type, changed in each way `variations` knows, one at a time.
    by_type: dict[str, list[dict]] = {}
    for _, front in REAL:
        by_type.setdefault(front["type"], []).append(front)
    checked = passed = 0
    for fronts in by_type.values():
        for original in fronts[:2]:
            for path in [path for path in paths_in(original) if path]:
                parent_path, last = path[:-1], path[-1]
                for variation in [*variations(get(original, path)), DELETE]:
                    changed = copy.deepcopy(original)
                    parent = get(changed, parent_path)
                    if variation is DELETE:
                        del parent[last]
                    else:
                        parent[last] = variation
                    if changed.get("type") not in page_types():
                        continue
                    checked += 1
                    if _compiled_check(changed["type"])(changed):
                        passed += 1
                        assert jsonschema_valid(changed), (path, variation)
    assert checked > 1000 and 0 < passed < checked


DELETE = object()


def get(value, path):
    for part in path:
        value = value[part]
    return value


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_a_changed_page_is_never_passed_that_jsonschema_rejects(data):
    # Each page type as likely as any other: pages of type `page` far outnumber the rest.
    page_type = data.draw(st.sampled_from(sorted({front["type"] for _, front in REAL})))
    _, original = data.draw(st.sampled_from([(path, front) for path, front in REAL if front["type"] == page_type]))
    changed = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([path for path in paths_in(changed) if path]))
        parent = changed
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "vary", "delete", "add", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = data.draw(json_values)
        elif action == "vary":
            parent[path[-1]] = data.draw(st.sampled_from(variations(parent[path[-1]])))
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=8))] = data.draw(json_values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    if changed.get("type") not in page_types():
        return  # reported before any schema is used
    if _compiled_check(changed["type"])(changed):
        assert jsonschema_valid(changed), changed


SCHEMAS = {
    "list.schema.json": {
        "$id": "list.schema.json",
        "type": "object",
        "properties": {"items": {"$ref": "#/$defs/list"}, "other": {"$ref": "item.schema.json"}, "kind": {"const": 1}},
        "$defs": {"list": {"type": "array", "uniqueItems": True, "items": {"$ref": "item.schema.json"}}},
    },
    "item.schema.json": {"$id": "item.schema.json", "type": ["integer", "object"],
                         "properties": {"child": {"$ref": "item.schema.json"}}},
}


@pytest.mark.parametrize("value, expected", [
    ({"items": [1, 2]}, True),
    ({"items": [1, 1]}, False),
    ({"items": [1, "a"]}, False),
    ({"items": [{"child": {"child": 3}}]}, False),  # objects that must be unique: jsonschema decides
    ({"other": {"child": {"child": "deep"}}}, False),  # a schema referring to itself
    ({"other": {"child": {"child": 4}}}, True),
    ({"other": 1.0}, False),  # an integer to JSON Schema, unsure here
    ({"other": True}, False),
    ({"kind": 1}, True),
    ({"kind": 2}, False),
    ({"kind": True}, False),  # not 1 to JSON Schema either
    ({"kind": 1.0}, False),  # 1 to JSON Schema, unsure here
])
def test_references_and_the_unsure_cases(value, expected):
    assert compile_schema("list.schema.json", SCHEMAS)(value) is expected


@pytest.mark.parametrize("schema", [
    {"anyOf": [{"type": "string"}]},
    {"type": "object", "patternProperties": {"^x": {}}, "additionalProperties": False},
    {"$ref": "elsewhere.schema.json"},
    {"type": "decimal"},
])
def test_a_schema_beyond_the_compiled_keywords_is_left_to_jsonschema(schema):
    with pytest.raises(UnsupportedSchema):
        compile_schema("s.schema.json", {"s.schema.json": schema})
