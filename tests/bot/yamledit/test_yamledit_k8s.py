"""Navigation helpers: pod spec per kind, containers, locating a document."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from bot.yamledit.k8s import child_map, containers, find_document, pod_spec, set_after

LOAD = YAML(typ="rt")
TEMPLATE = "spec:\n  template:\n    spec: {{marker: {kind}, initContainers: [{{name: i}}], containers: [{{name: c}}]}}"
CRON = "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {{marker: {kind}, containers: [{{name: c}}]}}"
POD = "spec:\n  marker: {kind}\n  containers: [{{name: c}}]\n"


@pytest.mark.parametrize(
    ("kind", "layout"),
    [
        ("Deployment", TEMPLATE),
        ("StatefulSet", TEMPLATE),
        ("DaemonSet", TEMPLATE),
        ("ReplicaSet", TEMPLATE),
        ("Job", TEMPLATE),
        ("CronJob", CRON),
        ("Pod", POD),
    ],
)
def test_pod_spec_for_every_workload_kind(kind: str, layout: str) -> None:
    doc = LOAD.load(f"kind: {kind}\n" + layout.format(kind=kind))
    spec = pod_spec(doc)
    assert spec is not None and spec["marker"] == kind
    assert [c["name"] for c in containers(spec)] == (["i", "c"] if "initContainers" in spec else ["c"])


def test_pod_spec_absent_for_other_kinds() -> None:
    assert pod_spec(LOAD.load("kind: Service\nspec: {ports: []}\n")) is None


def test_find_document_by_kind_and_name_then_hint() -> None:
    docs = [
        {"kind": "Service", "metadata": {"name": "web"}},
        {"kind": "Deployment", "metadata": {"name": "web"}},
        {"kind": "Deployment", "metadata": {"name": "web", "namespace": "b"}},
    ]
    assert find_document(docs, "Service", "web", None) == 0
    assert find_document(docs, "Deployment", "web", 2) == 2
    assert find_document(docs, "Deployment", "web", None) is None  # ambiguous without a hint
    assert find_document(docs, "Deployment", "web", None, namespace="b") == 2
    assert find_document(docs, "Pod", "web.app-web", 1) == 1  # checkov's template pod name


def test_set_after_places_new_key_after_anchor() -> None:
    doc = LOAD.load("name: x\nimage: y\nports: []\n")
    set_after(doc, "imagePullPolicy", "Always", after=("image",))
    assert list(doc) == ["name", "image", "imagePullPolicy", "ports"]


def test_flow_mappings_turn_block_only_when_they_grow_or_nest() -> None:
    small = LOAD.load("sc: {a: 1}\n")
    set_after(small["sc"], "b", 2)
    assert small["sc"].fa.flow_style()  # two scalar entries stay on one line
    set_after(small["sc"], "c", 3)
    assert not small["sc"].fa.flow_style()
    nested = LOAD.load("sc: {a: 1}\n")
    assert child_map(nested["sc"], "caps") is not None
    assert not nested["sc"].fa.flow_style()
