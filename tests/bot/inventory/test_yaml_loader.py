"""The inventory's manifest loader reads exactly what ruamel's safe loader reads (values and errors)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.resolver import VersionedResolver

from bot.inventory.yaml_loader import new_loader


class _Yaml12(VersionedResolver):
    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)


def _reference() -> YAML:
    """What the inventory used before: ruamel's own safe load, YAML 1.2, duplicate keys allowed."""
    yaml = YAML(typ="safe")
    yaml.Resolver = _Yaml12
    yaml.allow_duplicate_keys = True
    return yaml


def _load(yaml: YAML, text: str) -> tuple[str, str]:
    try:
        return "ok", repr(list(yaml.load_all(StringIO(text))))
    except YAMLError as exc:
        return "error", str(exc)


DOCUMENTS = [
    "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: web}}\nspec:\n  containers:\n  - name: a\n",
    "ports: [80, 0x1F, 0o17, 017, 1_000, +12, -0, 1.5, .inf, -.Inf, .nan, 1e3]\n",
    "flags: [true, false, True, FALSE, yes, no, on, off, y, n]\nnothing: [~, null, Null, '']\n",
    "a: &x {b: 1}\nc: *x\n",
    "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "when: 2001-12-14t21:59:43.10-05:00\nday: 2002-12-14\n",
    "key: 1\nkey: 2\nnested: {c: 3, c: 4}\n",
    "1: a\n1.0: b\ntrue: c\n",
    "? [a, b]\n: c\n",
    "x: !!binary aGVsbG8=\n",
    "x: !!str 123\ny: !!int '42'\nz: !!float 3\nn: !!null ''\ns: !!set {a, b}\n",
    "= : v\n",
    "ref: !Ref something\n",
    "a: [\n",
    "a: b: c\n",
    "",
    "---\n",
    "--- |\n  block\n",
    "a: 1\n---\nb: 2\n...\n",
    "text: 'it''s'\nfolded: >\n  two\n  lines\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_loads_exactly_what_ruamel_safe_loads(text: str) -> None:
    assert _load(new_loader(), text) == _load(_reference(), text)


def test_aliases_keep_sharing_one_object() -> None:
    (doc,) = list(new_loader().load_all(StringIO("a: &x {b: 1}\nc: *x\n")))
    shared: Any = doc["a"]
    assert shared is doc["c"]


def test_a_reused_loader_gives_independent_documents() -> None:
    loader = new_loader()
    first = list(loader.load_all(StringIO("a: {b: 1}\n")))
    second = list(loader.load_all(StringIO("a: {b: 1}\n")))
    assert first == second and first[0] is not second[0]


def test_one_loader_over_every_document_loads_what_ruamel_loads_each() -> None:
    """Plain-scalar tags are remembered across a loader's loads: order and reuse change nothing."""
    loader = new_loader()
    for text in DOCUMENTS + list(reversed(DOCUMENTS)):
        assert _load(loader, text) == _load(_reference(), text)
