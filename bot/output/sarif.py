"""`fixbot scan --format sarif`: SARIF 2.1.0 for GitHub code scanning.

Locations are relative to the repository root (no uriBaseId games; `uri_prefix` is the scan
root's path inside the repository when fixbot scans a sub-directory), so code scanning
annotates the right lines; `partialFingerprints` carry fixbot's stable finding id (rule +
resource, so moving a block does not reopen its alert). Risk score, factors and the policy
decision ride in each result's `properties`; per-input errors become tool notifications.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from bot import __version__
from bot.models.common import Severity
from bot.models.report import Assessment, ScanReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/fixbot/fixbot"

# security-severity drives code scanning's critical/high/medium/low buckets.
_SECURITY_SEVERITY = {
    Severity.critical: "9.5",
    Severity.high: "8.0",
    Severity.medium: "5.5",
    Severity.low: "3.0",
    Severity.info: "0.5",
}
_LEVEL = {
    Severity.critical: "error",
    Severity.high: "error",
    Severity.medium: "warning",
    Severity.low: "note",
    Severity.info: "note",
}


def _rule(a: Assessment) -> dict[str, Any]:
    f = a.finding
    return {
        "id": f.rule_id,
        "name": f.rule_id,
        "shortDescription": {"text": f.title or f.rule_id},
        "properties": {"security-severity": _SECURITY_SEVERITY[f.severity], "tags": ["security", "iac"]},
    }


def _message(a: Assessment) -> str:
    f = a.finding
    parts = [f"{f.title} ({f.resource})", f"risk {a.risk.score:.2f}"]
    if a.decision is not None:
        parts.append(f"decision {a.decision.outcome.value}")
    return "; ".join(parts)


def _uri(file: str, prefix: str) -> str:
    path = PurePosixPath(prefix.strip("/")) / file if prefix.strip("/.") else PurePosixPath(file)
    return str(path)


def _result(a: Assessment, rule_index: int, prefix: str = "") -> dict[str, Any]:
    f = a.finding
    region: dict[str, Any] = {"startLine": f.line.start if f.line else 1}
    if f.line:
        region["endLine"] = f.line.end
    props: dict[str, Any] = {
        "risk": a.risk.score,
        "riskFactors": {fc.name: fc.value for fc in a.risk.factors},
        "resource": f.resource,
        "environment": f.environment,
        "fixbotId": f.id,
    }
    if a.decision is not None:
        props["decision"] = a.decision.outcome.value
        props["decisionRules"] = [r.rule for r in a.decision.reasons]
        props["policyVersion"] = a.decision.policy_version
    if a.plan is not None:
        props["fixAction"] = a.plan.action
        props["fixRewriter"] = a.plan.rewriter
    if a.unfixed is not None:
        props["unfixed"] = a.unfixed.reason
    return {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": _message(a)},
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": _uri(f.file or "", prefix)}, "region": region},
                "logicalLocations": [{"name": f.resource or "", "kind": "resource"}],
            }
        ],
        "partialFingerprints": {"fixbotFindingId/v1": f.id},
        "properties": props,
    }


def _notifications(report: ScanReport, prefix: str) -> list[dict[str, Any]]:
    out = []
    for e in report.errors:
        where = f"{e.file}: " if e.file else ""
        note: dict[str, Any] = {"level": "warning", "message": {"text": f"{e.kind}: {where}{e.message}"},
                                "descriptor": {"id": f"fixbot/{e.kind}"}}
        if e.file and not e.file.startswith("/"):
            loc: dict[str, Any] = {"artifactLocation": {"uri": _uri(e.file, prefix)}}
            if e.line:
                loc["region"] = {"startLine": max(1, e.line)}
            note["locations"] = [{"physicalLocation": loc}]
        out.append(note)
    return out


def to_sarif(report: ScanReport, *, uri_prefix: str = "", category: str = "fixbot") -> dict[str, Any]:
    """One run: a result per mapped finding with a file; `category` keys code scanning's analysis."""
    rules: dict[str, int] = {}
    rule_defs: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for a in report.assessments:
        if not a.finding.file:
            continue
        if a.finding.rule_id not in rules:
            rules[a.finding.rule_id] = len(rule_defs)
            rule_defs.append(_rule(a))
        results.append(_result(a, rules[a.finding.rule_id], uri_prefix))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "fixbot", "version": __version__, "informationUri": INFO_URI, "rules": rule_defs}},
        "automationDetails": {"id": f"{category.strip('/')}/"},
        "invocations": [
            {"executionSuccessful": True, "toolExecutionNotifications": _notifications(report, uri_prefix)}
        ],
        "results": results,
        "properties": {"policyVersion": report.policy_version, "commit": report.repository.commit},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
