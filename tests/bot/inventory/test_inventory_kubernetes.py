"""Kubernetes manifests: checkov-style addresses, documents, spans, Lists, Helm, bad YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.inventory.kubernetes import k8s_address, looks_like_kubernetes, parse_manifests

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"
APP = FIXTURE / "k8s" / "base" / "app.yaml"


@pytest.fixture(scope="module")
def app() -> dict:
    parsed = parse_manifests(APP.read_text(), "k8s/base/app.yaml")
    assert parsed.errors == []
    return {r.address: r for r in parsed.resources}


def test_one_resource_per_object_with_checkov_addresses(app: dict) -> None:
    assert list(app) == [
        "Namespace.default.payments-prod",  # cluster-scoped kinds get "default" like checkov
        "Deployment.payments-prod.web",
        "Service.payments-prod.web",
        "ClusterRole.default.web-reader",
    ]
    assert app["Namespace.default.payments-prod"].namespace == "default"
    assert app["Deployment.payments-prod.web"].type == "Deployment"
    assert app["Deployment.payments-prod.web"].name == "web"


def test_doc_index_counts_documents_including_comment_only_ones(app: dict) -> None:
    assert [r.doc_index for r in app.values()] == [0, 2, 3, 4]


def test_line_and_byte_spans_cover_the_document_content(app: dict) -> None:
    raw = APP.read_bytes()
    spans = {a: (r.line.start, r.line.end) for a, r in app.items()}
    assert spans == {
        "Namespace.default.payments-prod": (2, 5),  # the leading comment is not the object
        "Deployment.payments-prod.web": (9, 30),
        "Service.payments-prod.web": (32, 41),
        "ClusterRole.default.web-reader": (43, 50),
    }
    dep = app["Deployment.payments-prod.web"]
    text = raw[dep.byte_start : dep.byte_end].decode()
    assert text.startswith("apiVersion: apps/v1\nkind: Deployment")
    assert text.endswith("privileged: true")


def test_labels_annotations_and_attributes(app: dict) -> None:
    dep = app["Deployment.payments-prod.web"]
    assert dep.tags == {"app": "web", "env": "prod"}
    assert dep.annotations == {"owner": "payments"}
    container = dep.attributes["spec"]["template"]["spec"]["containers"][0]
    assert container["securityContext"] == {"privileged": True}


def test_list_items_are_separate_resources_with_their_own_lines() -> None:
    parsed = parse_manifests((FIXTURE / "k8s" / "base" / "list.yaml").read_text(), "list.yaml")
    spans = {r.address: (r.line.start, r.line.end, r.namespace) for r in parsed.resources}
    assert spans == {"Pod.default.debug": (4, 11, "default"), "ConfigMap.tools.settings": (12, 18, "tools")}


def test_nameless_object_is_addressed_by_labels_like_checkov() -> None:
    obj = {"kind": "Pod", "metadata": {"labels": {"app": "web", "tier": "front"}}}
    assert k8s_address(obj) == "Pod.default.app-web.tier-front"
    assert k8s_address({"kind": "Pod", "metadata": {}}) is None


def test_helm_template_is_reported_not_parsed() -> None:
    text = (FIXTURE / "charts" / "web" / "templates" / "deployment.yaml").read_text()
    parsed = parse_manifests(text, "charts/web/templates/deployment.yaml")
    assert parsed.resources == []
    (error,) = parsed.errors
    assert error.kind == "templated" and error.file == "charts/web/templates/deployment.yaml"


def test_malformed_yaml_gives_file_and_line_and_no_objects() -> None:
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n---\napiVersion: v1\nkind: Pod\nmetadata:\n" \
           "  name: [unclosed\n  labels: {}\n"
    parsed = parse_manifests(text, "bad.yaml")
    assert parsed.resources == []
    (error,) = parsed.errors
    assert (error.kind, error.file) == ("parse", "bad.yaml")
    assert error.line is not None and 9 <= error.line <= 11
    assert error.message.startswith(f"bad.yaml:{error.line}: malformed YAML")


def _laughs(levels: int, width: int) -> str:
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: bomb}", 'a: &a ["lol","lol","lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * width)}]")
    return "\n".join(lines) + f"\ndata: *{chr(ord('a') + levels - 1)}\n"


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("levels", "width"), [(10, 9), (8, 20)])
def test_alias_bombs_are_refused_quickly(levels: int, width: int) -> None:
    # (10, 9): 82 aliases that expand to ~10^9 nodes; (8, 20): over the alias-count cap.
    parsed = parse_manifests(_laughs(levels, width), "bomb.yaml")
    assert [r.address for r in parsed.resources] == []  # never repr the expanded object
    assert [(e.kind, e.file) for e in parsed.errors] == [("parse", "bomb.yaml")]
    assert "alias" in parsed.errors[0].message


def test_a_few_honest_aliases_are_fine() -> None:
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &l {app: web}\n" \
           "data:\n  copy: *l\n"
    (res,) = parse_manifests(text, "ok.yaml").resources
    assert res.attributes["data"]["copy"] == {"app": "web"}


def test_duplicate_keys_do_not_void_the_file() -> None:
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {x: y}\n  labels: {x: z}\n"
    parsed = parse_manifests(text, "dup.yaml")
    assert parsed.errors == []
    assert [r.address for r in parsed.resources] == ["Pod.default.a"]


def test_content_test_recognises_manifests_only() -> None:
    assert looks_like_kubernetes(APP.read_text())
    assert not looks_like_kubernetes((FIXTURE / ".github" / "workflows" / "ci.yml").read_text())
    assert not looks_like_kubernetes((FIXTURE / "docker-compose.yml").read_text())
