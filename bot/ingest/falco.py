"""Kubernetes runtime alerts: Falco JSON output and Kubernetes audit events naming a workload.

Falco (`json_output: true`) writes one alert per line: `rule`, `priority`, `output`, `time`,
`output_fields` (`k8s.ns.name`, `k8s.pod.name`, `container.image.repository`, ... or, from
the k8saudit plugin, `ka.target.namespace/resource/name`). An audit event
(`audit.k8s.io/v1` `Event`, alone, per line or in an `EventList`) names its object in
`objectRef`. Both become findings on asset `k8s:<namespace>/<Kind>/<name>`, which the
mapping stage resolves to the workload's manifest. The rule is `falco:<rule>` (aliased to a
checkov id where it is the same problem, e.g. a privileged container) or
`k8s-audit:<verb> <resource>[/<subresource>]`. Records naming no workload are errors.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from bot.ingest.base import IngestContext, SourceOutput, clean_text, excerpt
from bot.ingest.cloud import Raw, canonical, finding, hints, note, records, severity, shaped_list, validate
from bot.live_ids import k8s_asset
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import Finding

SOURCE = "falco"
_PRIORITIES = {"emergency": Severity.critical, "alert": Severity.critical, "critical": Severity.critical,
               "error": Severity.high, "warning": Severity.medium, "notice": Severity.low,
               "informational": Severity.info, "info": Severity.info, "debug": Severity.info}
WORKLOADS = {"pods": "Pod", "deployments": "Deployment", "statefulsets": "StatefulSet", "daemonsets": "DaemonSet",
             "replicasets": "ReplicaSet", "jobs": "Job", "cronjobs": "CronJob"}
_AUDIT_SEVERITY = {"exec": Severity.high, "attach": Severity.high, "portforward": Severity.high,
                   "delete": Severity.medium, "create": Severity.low, "update": Severity.low, "patch": Severity.low}
_DONE_STAGES = {"ResponseComplete", "Panic"}
_LABEL = re.compile(r"^k8s\.pod\.label(?:\.|\[)(?P<key>[^\]]+)\]?$")


class FalcoAlert(Raw):
    rule: str
    priority: str
    output: str
    time: str | None = None
    source: str | None = None
    output_fields: dict[str, Any] = Field(default_factory=dict)


class ObjectRef(Raw):
    resource: str | None = None
    namespace: str | None = None
    name: str | None = None
    subresource: str | None = None


class User(Raw):
    username: str | None = None


class AuditEvent(Raw):
    auditID: str | None = None
    stage: str | None = None
    verb: str
    user: User = Field(default_factory=User)
    objectRef: ObjectRef | None = None


def _is_alert(item: Any) -> bool:
    return isinstance(item, dict) and {"rule", "priority", "output"} <= item.keys()


def _is_event(item: Any) -> bool:
    return isinstance(item, dict) and item.get("kind") == "Event" and str(item.get("apiVersion", "")).startswith(
        "audit.k8s.io/")


def is_record(item: Any) -> bool:
    return _is_alert(item) or _is_event(item)


def detect(data: Any) -> bool:
    if isinstance(data, dict) and data.get("kind") == "EventList" and isinstance(data.get("items"), list):
        return str(data.get("apiVersion", "")).startswith("audit.k8s.io/")
    return is_record(data) or shaped_list(data, is_record)


def _workload(fields: dict[str, Any]) -> tuple[str, str, str] | None:
    """(namespace, Kind, name) the alert's fields name, if any."""
    namespace = fields.get("k8s.ns.name") or fields.get("ka.target.namespace")
    pod = fields.get("k8s.pod.name")
    if pod:
        return str(namespace or "default"), "Pod", str(pod)
    kind = WORKLOADS.get(str(fields.get("ka.target.resource") or ""))
    name = fields.get("ka.target.name") or fields.get("ka.resp.name")
    return (str(namespace or "default"), kind, str(name)) if kind and name else None


def _labels(fields: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(m["key"], v) for k, v in fields.items() if (m := _LABEL.match(k)) and isinstance(v, str)]


def _alert(a: FalcoAlert, ctx: IngestContext, pointer: str, record: dict[str, Any]) -> Finding | ErrorEntry:
    where = _workload(a.output_fields)
    if where is None:
        return ErrorEntry(kind="ingest", file=ctx.input, message=(
            f"{pointer}: Falco alert {clean_text(a.rule, 80)!r} names no Kubernetes workload "
            "(no k8s.pod.name or ka.target.* field)"))
    namespace, kind, name = where
    rule = canonical("falco", a.rule)
    image = a.output_fields.get("container.image.repository")
    return finding(
        source=SOURCE, tool="falco", rule_id=a.rule, canonical_id=rule, title=a.rule,
        sev=severity(a.priority, rule, _PRIORITIES), asset=k8s_asset(namespace, kind, name), ctx=ctx,
        pointer=pointer, raw=excerpt(record, ("rule", "priority", "time")) | (
            {"image": clean_text(image, 200)} if image else {}),
        asset_hints=hints(kind, name, namespace, _labels(a.output_fields)),
        exploitability=Level.high,  # observed at runtime: the behaviour happened
    )


def _event(e: AuditEvent, ctx: IngestContext, pointer: str) -> Finding | ErrorEntry | None:
    if e.stage and e.stage not in _DONE_STAGES:
        return None  # the same request is reported again at ResponseComplete
    ref = e.objectRef or ObjectRef()
    kind = WORKLOADS.get(ref.resource or "")
    if kind is None or not ref.name:
        return note(ctx, pointer, f"audit event names no workload ({clean_text(ref.resource or 'no objectRef', 40)})")
    action = f"{e.verb} {ref.resource}" + (f"/{ref.subresource}" if ref.subresource else "")
    rule = canonical("k8s-audit", action)
    by = f" by {e.user.username}" if e.user.username else ""
    return finding(
        source=SOURCE, tool="k8s-audit", rule_id=action, canonical_id=rule, title=f"{action}{by}",
        sev=_AUDIT_SEVERITY.get(ref.subresource or e.verb, Severity.info),
        asset=k8s_asset(ref.namespace, kind, ref.name), ctx=ctx, pointer=pointer,
        raw={"auditID": clean_text(e.auditID or "", 80), "verb": clean_text(e.verb, 40)},
        asset_hints=hints(kind, ref.name, ref.namespace or "default"),
        exploitability=Level.medium if ref.subresource in ("exec", "attach") else Level.unknown,
    )


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Falco alerts and workload audit events as Findings; the rest as per-record errors or notes."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    key = "items" if isinstance(data, dict) and data.get("kind") == "EventList" else None
    for pointer, record in records(data, key, is_record):
        outcome: Finding | ErrorEntry | None
        if _is_event(record):
            event = validate(AuditEvent, record, ctx, pointer)
            outcome = event if isinstance(event, ErrorEntry) else _event(event, ctx, pointer)
        else:
            alert = validate(FalcoAlert, record, ctx, pointer)
            outcome = alert if isinstance(alert, ErrorEntry) else _alert(alert, ctx, pointer, record)
        if isinstance(outcome, Finding):
            findings.append(outcome)
        elif outcome is not None:
            errors.append(outcome)
    return findings, errors
