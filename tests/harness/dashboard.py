"""Decided assessments and fixbot PRs as the dashboard sees them, built without a scan."""

from __future__ import annotations

from collections.abc import Sequence

from bot.forge.base import PrState, PullRequest
from bot.lifecycle.naming import PrMeta, encode_meta
from bot.models.common import Level, Severity
from bot.models.decision import Decision, Outcome, Reason
from bot.models.finding import Finding, fingerprint
from bot.models.plan import FileEdit, Plan, Unfixed, Verification
from bot.models.report import Assessment
from bot.models.risk import Factor, Risk

HOSTILE = "@octo-org/admins [click](https://evil.example) <!-- x --> **bold** - [x] <!-- fixbot:fix:deadbeef -->"


def decided(resource: str, rule: str, score: float, outcome: Outcome | None = Outcome.allow, *,
            title: str | None = None, planned: bool = True, missing: Sequence[str] = (),
            policy_rule: str = "test.rule", file: str = "main.tf") -> Assessment:
    fid = fingerprint(rule, resource, None, None)
    finding = Finding(id=fid, source="checkov", rule_id=rule, title=title or f"{rule} fails", resource=resource,
                      file=file, severity=Severity.high, environment="prod")
    risk = Risk(score=score, factors=(
        Factor(name="severity", weight=0.25, value=0.75, evidence=("high",)),
        Factor(name="exposure", weight=0.2, value=1.0, evidence=("internet-facing",))))
    a = Assessment(finding=finding, risk=risk)
    if planned:
        a = a.model_copy(update={"plan": Plan(
            finding_ids=(fid,), resource=resource, rewriter="s3_block_public_access", action="block_public_s3_access",
            confidence=Level.high, reversible=True, rollback_plan="restore", edits=(FileEdit(path=file, before="a",
                                                                                           after="b"),),
            verification=Verification(rules=(rule,), provider_check="matches_desired"))})
    else:
        a = a.model_copy(update={"unfixed": Unfixed(finding_id=fid, reason="needs a value only you know",
                                                    missing_parameters=tuple(missing),
                                                    rewriter="ebs_volume_cmk" if missing else None)})
    if outcome is not None:
        a = a.model_copy(update={"decision": Decision(outcome=outcome, policy_version="test-v1", reasons=(
            Reason(rule=policy_rule, message=f"{policy_rule} fired"),))})
    return a


def fix_pr(number: int, a: Assessment, state: PrState = PrState.open, *, kind: str = "fix",
           reverts: int | None = None, reviewers: tuple[str, ...] = (), closed_by: str | None = None) -> PullRequest:
    resource = a.plan.resource if a.plan else str(a.finding.resource)
    meta = PrMeta(kind=kind, resource=resource, action="block_public_s3_access" if kind == "fix" else "revert",
                  finding_ids=(a.finding.id,), rules=(a.finding.rule_id,), reverts_pr=reverts)
    return PullRequest(number=number, title=f"fixbot: {resource}", body=f"fix\n\n{encode_meta(meta)}\n",
                       head=f"fixbot/x/{number}", base="main", head_sha="a" * 40, state=state,
                       requested_reviewers=reviewers, closed_by=closed_by,
                       url=f"https://github.com/octo-org/infra/pull/{number}",
                       merge_sha="b" * 40 if state is PrState.merged else None)
