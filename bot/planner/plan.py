"""PLAN stage: each mapped finding becomes the smallest edit that fixes it, or an `Unfixed` reason.

Findings on one resource compose into one change: their rewriters run in catalogue order on
the evolving text of the resource's file, and every finding fixed gets a `Plan` carrying its
own rewriter's metadata plus the shared edit (`finding_ids` lists all of them). Nothing is
written to disk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bot.config import RepoConfig
from bot.errors import FixbotError
from bot.hcledit import syntax_problem
from bot.models.finding import Finding
from bot.models.plan import FileEdit, Plan, Unfixed
from bot.models.report import Assessment
from bot.models.resource import IacKind, Inventory, Resource
from bot.paths import repo_relative
from bot.planner.catalogue import catalogue_order, rewriter_for
from bot.planner.diff import plan_diff
from bot.planner.provider import provider_major
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip


@dataclass(frozen=True)
class _Step:
    rewriter: Rewriter
    findings: tuple[Finding, ...]
    params: dict[str, str]


def resolve_params(rewriter: Rewriter, config: RepoConfig) -> dict[str, str]:
    """Declared defaults overlaid with `.fixbot.yml` `parameters: {<rewriter id>: {...}}`."""
    given = config.parameters.get(rewriter.id, {})
    out = {p.name: p.default for p in rewriter.parameters if p.default is not None}
    out.update({p.name: given[p.name] for p in rewriter.parameters if p.name in given})
    return out


def _unfixed(a: Assessment, reason: str, rewriter: str | None = None, missing: tuple[str, ...] = ()) -> Assessment:
    un = Unfixed(finding_id=a.finding.id, reason=reason, missing_parameters=missing, rewriter=rewriter)
    return a.model_copy(update={"unfixed": un, "plan": None})


def plan_findings(
    assessments: Sequence[Assessment], inventory: Inventory, root: Path, config: RepoConfig
) -> list[Assessment]:
    """Every assessment returned with `plan` or `unfixed` set, in the same order."""
    resources = inventory.by_address()
    out: list[Assessment] = list(assessments)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(assessments):
        res = resources.get(a.finding.resource or "")
        rw = rewriter_for(a.finding)
        if res is None:
            out[i] = _unfixed(a, "the finding's resource is not in the repository inventory")
        elif rw is None:
            out[i] = _unfixed(a, f"no rewriter in the catalogue handles rule {a.finding.rule_id}")
        elif rw.iac != res.kind or (rw.resource_types and res.type not in rw.resource_types):
            out[i] = _unfixed(a, f"rewriter {rw.id} does not handle {res.kind.value} type {res.type}", rw.id)
        else:
            groups[res.address].append(i)
    for address, idxs in groups.items():
        planned = plan_resource(resources[address], [assessments[i] for i in idxs], root, config)
        for i, a in zip(idxs, planned, strict=True):
            out[i] = a
    return out


def _read(root: Path, rel: str, config: RepoConfig) -> str:
    path = root / repo_relative(root, rel, what="resource file")
    if path.stat().st_size > config.max_file_bytes:
        raise FixbotError(f"{rel} is larger than max_file_bytes")
    return path.read_text(encoding="utf-8")


def _module_texts(root: Path, res: Resource, config: RepoConfig) -> dict[str, str]:
    if res.kind != IacKind.terraform:
        return {}
    directory = PurePosixPath(res.file).parent
    out: dict[str, str] = {}
    for path in sorted((root / directory).glob("*.tf")):
        rel = (directory / path.name).as_posix()
        if rel != res.file and path.is_file() and path.stat().st_size <= config.max_file_bytes:
            out[rel] = path.read_text(encoding="utf-8", errors="replace")
    return out


def plan_resource(res: Resource, items: Sequence[Assessment], root: Path, config: RepoConfig) -> list[Assessment]:
    """Compose every finding on one resource into one change (or explain each one left)."""
    try:
        original = _read(root, res.file, config)
        texts = _module_texts(root, res, config)
    except (OSError, UnicodeDecodeError, FixbotError) as exc:
        return [_unfixed(a, f"cannot read {res.file}: {exc}") for a in items]
    major = provider_major(root, res) if res.kind == IacKind.terraform else None
    text = original
    verdicts: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}  # finding id -> unfixed
    done: list[_Step] = []
    for step in _steps(items, config):
        ctx = RewriteContext(
            text=text,
            resource=res,
            findings=step.findings,
            params=step.params,
            aws_provider_major=major,
            file_texts=texts,
        )
        outcome = _run(step.rewriter, ctx)
        reason = _skip_reason(outcome, text, res)
        if reason is not None:
            missing = outcome.missing_parameters if isinstance(outcome, Skip) else ()
            verdicts.update({f.id: (reason, step.rewriter.id, missing) for f in step.findings})
            continue
        assert isinstance(outcome, Edit)
        text = outcome.text
        done.append(step)
    edit = FileEdit(path=res.file, before=original, after=text)
    diff = plan_diff([edit]) if done else ""
    fixed_ids = tuple(f.id for s in done for f in s.findings)
    by_finding = {f.id: s for s in done for f in s.findings}
    out: list[Assessment] = []
    for a in items:
        step = by_finding.get(a.finding.id)
        if step is None:
            reason, rw_id, missing = verdicts[a.finding.id]
            out.append(_unfixed(a, reason, rw_id, missing))
        else:
            out.append(a.model_copy(update={"plan": _plan(step, res, fixed_ids, edit, diff), "unfixed": None}))
    return out


def _steps(items: Sequence[Assessment], config: RepoConfig) -> list[_Step]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    rewriters: dict[str, Rewriter] = {}
    for a in items:
        rw = rewriter_for(a.finding)
        assert rw is not None
        grouped[rw.id].append(a.finding)
        rewriters[rw.id] = rw
    ordered = sorted(rewriters.values(), key=catalogue_order)
    return [_Step(rw, tuple(grouped[rw.id]), resolve_params(rw, config)) for rw in ordered]


def _run(rewriter: Rewriter, ctx: RewriteContext) -> Outcome:
    try:
        return rewriter.apply(ctx)
    except Exception as exc:  # a rewriter bug must not sink the other findings' plans
        return Skip(reason=f"rewriter {rewriter.id} failed ({type(exc).__name__}: {exc}); fix by hand")


def _skip_reason(outcome: Outcome, text: str, res: Resource) -> str | None:
    if isinstance(outcome, Skip):
        return outcome.reason
    if outcome.text == text:
        return "already compliant in the current source (the finding may be stale)"
    if res.kind == IacKind.terraform:
        problem = syntax_problem(outcome.text)
        if problem is not None:
            return f"the fix would not parse ({problem}); left untouched"
    return None


def _plan(step: _Step, res: Resource, finding_ids: tuple[str, ...], edit: FileEdit, diff: str) -> Plan:
    rw = step.rewriter
    return Plan(
        finding_ids=finding_ids,
        resource=res.address,
        rewriter=rw.id,
        action=rw.action,
        confidence=rw.confidence,
        reversible=rw.reversible,
        rollback_plan=rw.rollback_plan,
        verification=rw.verification,
        parameters=dict(step.params),
        edits=(edit,),
        diff=diff,
    )
