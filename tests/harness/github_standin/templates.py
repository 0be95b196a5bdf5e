"""Response bodies built from the OpenAPI examples, completed to satisfy their own schema.

`body(pattern, method, status, **overrides)` deep-copies the operation's first JSON example,
fills any property the schema requires but the example lacks (the README lists a few), and
applies the overrides (nested dicts merge). The stand-in therefore returns realistic objects
with the fields fixbot reads set from real state.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from tests.harness.github_standin.contract import spec_document

_SCALARS: dict[str, Any] = {"string": "", "integer": 0, "number": 0, "boolean": False}


def _branch(schema: dict[str, Any]) -> dict[str, Any]:
    for key in ("allOf", "anyOf", "oneOf"):
        if schema.get(key):
            return dict(schema[key][0])
    return schema


def synth(schema: dict[str, Any]) -> Any:
    """A minimal value valid for `schema` (required properties only)."""
    schema = _branch(schema)
    if schema.get("nullable"):
        return None
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: synth(props.get(k, {})) for k in schema.get("required", [])}
    if kind == "array":
        return []
    if schema.get("format") in ("uri", "url"):
        return "https://api.github.com/"
    if schema.get("format") == "date-time":
        return "2026-01-01T00:00:00Z"
    return _SCALARS.get(kind, "")


def complete(value: Any, schema: dict[str, Any]) -> Any:
    """Add every required property `value` lacks, recursively."""
    schema = _branch(schema)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                value[key] = synth(props.get(key, {}))
        for key, sub in value.items():
            if key in props and sub is not None:
                value[key] = complete(sub, props[key])
    elif isinstance(value, list) and "items" in schema:
        return [complete(v, schema["items"]) for v in value]
    return value


def _media(pattern: str, method: str, status: int) -> dict[str, Any]:
    content = spec_document()["paths"][pattern][method]["responses"][str(status)]["content"]
    media: dict[str, Any] = content.get("application/json") or next(iter(content.values()))
    return media


@cache
def _template(pattern: str, method: str, status: int) -> Any:
    media = _media(pattern, method, status)
    examples = media.get("examples") or {}
    example = next(iter(examples.values()))["value"] if examples else media.get("example", synth(media["schema"]))
    return complete(copy.deepcopy(example), media["schema"])


def merge(base: Any, overrides: dict[str, Any]) -> Any:
    for key, val in overrides.items():
        if isinstance(val, dict) and isinstance(base.get(key), dict) and not val.get("__replace__"):
            merge(base[key], val)
        else:
            base[key] = {k: v for k, v in val.items() if k != "__replace__"} if isinstance(val, dict) else val
    return base


def body(pattern: str, method: str, status: int, **overrides: Any) -> Any:
    value = copy.deepcopy(_template(pattern, method, status))
    if isinstance(value, list):
        return value
    return merge(value, overrides)


def item(pattern: str, method: str, status: int, **overrides: Any) -> Any:
    """One element of a list response (e.g. one pull request of `GET /pulls`)."""
    value = copy.deepcopy(_template(pattern, method, status))
    first = value[0] if value else synth(_media(pattern, method, status)["schema"].get("items", {}))
    return merge(copy.deepcopy(first), overrides)
