"""Falco JSON output (one alert per line) and Kubernetes audit events, made from Falco's
documented `json_output` format and the audit.k8s.io/v1 Event reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.config import RepoConfig
from bot.ingest import falco, read_file
from bot.ingest.base import IngestContext
from bot.models.common import Level, Severity


def ingest(data: Any, root: Path) -> tuple[list, list]:
    return falco.to_findings(data, IngestContext(root=root, input="falco.json"))


def test_falco_alerts_name_the_pod_and_a_host_alert_is_an_error(repo: Path, fixtures: Path) -> None:
    findings, errors = read_file(repo, fixtures / "falco" / "events.jsonl", RepoConfig())
    shell, privileged = findings
    assert (shell.rule_id, shell.severity, shell.asset) == (
        "falco:Terminal shell in container", Severity.low, "k8s:default/Pod/payments-api-7d4b9c5f6-xk2pq")
    assert shell.exploitability is Level.high and shell.sources[0].raw["image"] == "ghcr.io/acme/payments-api"
    # the same problem checkov reports statically: aliased to its check, so they deduplicate
    assert privileged.rule_id == "CKV_K8S_16" and privileged.severity is Severity.info
    assert [e.message for e in errors] == [
        "[2]: Falco alert 'Read sensitive file untrusted' names no Kubernetes workload "
        "(no k8s.pod.name or ka.target.* field)"]


def test_k8s_audit_event_list_keeps_completed_workload_events(repo: Path, fixtures: Path) -> None:
    findings, errors = read_file(repo, fixtures / "falco" / "k8s_audit.json", RepoConfig())
    assert [(f.rule_id, f.severity, f.asset, f.title) for f in findings] == [
        ("k8s-audit:create pods/exec", Severity.high, "k8s:default/Pod/payments-api-7d4b9c5f6-xk2pq",
         "create pods/exec by dev-alice@acme.example"),
        ("k8s-audit:patch deployments", Severity.low, "k8s:default/Deployment/payments-api",
         "patch deployments by dev-alice@acme.example"),
    ]
    # RequestReceived duplicates are dropped silently; a secret read names no workload
    assert [e.message for e in errors] == ["items[3]: audit event names no workload (secrets)"]


def test_falco_k8saudit_plugin_fields_name_the_target(repo: Path) -> None:
    alert = {"rule": "Create Privileged Pod", "priority": "Warning", "output": "Pod started with privileged container",
             "output_fields": {"ka.target.namespace": "shop", "ka.target.resource": "pods", "ka.resp.name": "web-1"}}
    (found,), errors = ingest(alert, repo)
    assert errors == [] and found.asset == "k8s:shop/Pod/web-1" and found.rule_id == "CKV_K8S_16"


def test_malformed_records_are_per_record_errors(repo: Path) -> None:
    good = {"rule": "Terminal shell in container", "priority": "Notice", "output": "o",
            "output_fields": {"k8s.ns.name": "shop", "k8s.pod.name": "web-0"}}
    bad_fields = good | {"output_fields": "k8s.pod.name=web-0"}
    bad_event = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "objectRef": {"resource": "pods"}}
    findings, errors = ingest([good, bad_fields, "junk", bad_event], repo)
    assert [f.asset for f in findings] == ["k8s:shop/Pod/web-0"]
    assert [e.message.split(":")[0] for e in errors] == ["[1]", "[2]", "[3]"]
    assert errors[0].message.startswith("[1]: output_fields: Input should be a valid dictionary")
    assert errors[2].message.startswith("[3]: verb: Field required")


def test_detection() -> None:
    assert falco.detect({"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "items": []})
    assert not falco.detect([{"rule": "a"}, {"rule": "b"}])
    assert not falco.detect({"kind": "EventList", "apiVersion": "v1", "items": []})
