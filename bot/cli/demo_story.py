"""The demo's narrative: each act runs the real commands' functions on the demo repository."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli import apply as apply_cmd
from bot.cli import approve as approve_cmd
from bot.cli import audit as audit_cmd
from bot.cli import explain as explain_cmd
from bot.cli import fix as fix_cmd
from bot.cli import verify as verify_cmd
from bot.cli.local_session import open_session
from bot.cli.render import location, top_evidence
from bot.config import load_repo_config
from bot.forge.local import LocalForge
from bot.inventory import build_inventory
from bot.lifecycle.execute import ItemResult
from bot.lifecycle.fixrun import FixReport
from bot.models.report import ScanReport

TOP_RISKS = 6
TEAMS = {"acme/payments-platform": ["priya"], "acme/platform": ["sam"]}
OUTSIDER = "dev-alice"


@dataclass(frozen=True)
class Row:
    path: str
    resource: str
    pr: str
    outcome: str


def _act(console: Console, title: str) -> None:
    console.print()
    console.rule(f"[bold]{title}")


def _fix(repo: Path, console: Console, sink: Path) -> FixReport:
    _act(console, "1. fixbot fix — scan, plan, decide, one PR per resource")
    session = open_session(repo, sink)
    for team, members in TEAMS.items():
        session.forge.set_team(team, members)
    console.print(f"code-owner teams on the local forge: {', '.join(f'@{t}={m[0]}' for t, m in TEAMS.items())}")
    ns = argparse.Namespace(dry_run=False, reopen=False, findings=[], no_checkov=False)
    with console.status("scanning with checkov, planning, evaluating policy…"):
        outcome, report, version = fix_cmd.execute(session, ns)
    _risks(console, outcome.report())
    console.print(fix_cmd.results_table(report, title=f"decisions under policy {version}"))
    return report


def _risks(console: Console, scan: ScanReport, top: int = TOP_RISKS) -> None:
    """What the scan found, riskiest first, with the evidence behind each score."""
    ranked = sorted(scan.assessments, key=lambda a: -a.risk.score)
    table = Table(title=f"the {min(top, len(ranked))} riskiest of {len(ranked)} findings (`fixbot scan` lists all)",
                  show_lines=True)
    for col, ratio in (("risk", 1), ("rule · resource · location", 3), ("why: top factors with their evidence", 6)):
        table.add_column(col, overflow="fold", ratio=ratio)
    for a in ranked[:top]:
        where = f"{a.finding.rule_id}\n{a.finding.resource or ''}\n{location(a)}"
        table.add_row(f"{a.risk.score:.2f}", Text(where), Text("\n".join(top_evidence(a, limit=2))))
    console.print(table)


def _first(report: FixReport, status: str, outcome: str | None = None) -> ItemResult | None:
    return next((r for r in report.results if r.status == status and (outcome is None or r.outcome == outcome)),
                None)


def _owner_for(forge: LocalForge, number: int) -> str:
    for reviewer in forge.get_pr(number).requested_reviewers:
        members = forge.team_members(reviewer) if reviewer.startswith("@") else [reviewer]
        if members:
            return members[0]
    return "priya"


def _verify(repo: Path, console: Console, drift: list[str], sink: Path) -> list[verify_cmd.VerifyResult]:
    sha, count, changed = apply_cmd.apply(repo, drift)
    console.print(f"fixbot apply --simulate: {count} resources of main @ {sha[:10]} written to the simulated cloud")
    for c in changed:
        console.print(Text(f"simulated drift: someone changed {c} in the console", style="bold yellow"))
    with console.status("fixbot verify: checkov on the touched files only, then the provider check…"):
        results = verify_cmd.verify(repo, sink)
    for r in results:
        style = "green" if r.ok else "bold red" if r.status == "failed" else "magenta"
        label = {"verified": "verified", "failed": "verification FAILED"}.get(r.status, r.status)
        console.print(Text(f"{label}: {r.resource} (PR #{r.pr}) — {r.detail}", style=style))
        if r.revert_pr:
            console.print(Text(f"→ revert PR #{r.revert_pr} opened (git revert -m 1 of the merge): "
                               f"{r.revert_status}", style="magenta"))
    return results


def act_allowed(console: Console, report: FixReport) -> ItemResult | None:
    merged = _first(report, "merged")
    _act(console, "2. allowed non-prod fix: checks green on the head SHA, merged by policy")
    if merged is None:
        console.print("[red]no change was allowed by policy[/]")
        return None
    console.print(Text(f"PR #{merged.pr} on {merged.resource}: allowed by {', '.join(merged.rules)} → "
                       f"{merged.detail}", style="green"))
    deferred = [r for r in report.results if r.status == "deferred" and r.resource == merged.resource]
    if deferred:
        console.print(f"({len(deferred[0].finding_ids)} other finding(s) on it need approval: deferred until it "
                      "merges, never mixed into the allowed change)")
    return merged


def act_approval(repo: Path, console: Console, report: FixReport, sink: Path) -> tuple[Row | None, int | None]:
    pending = _first(report, "awaiting_approval")
    if pending is None or pending.pr is None:
        return None, None
    _act(console, "3. prod fix: waits for its code owner")
    forge = LocalForge(repo)
    pr = forge.get_pr(pending.pr)
    console.print(Text(f"PR #{pr.number} on {pending.resource}: {pending.outcome} "
                       f"({', '.join(pending.rules)}); review requested from {', '.join(pr.requested_reviewers)}"))
    refused = approve_cmd.approve(repo, pr.number, OUTSIDER, sink)
    console.print(Text(f"fixbot approve {pr.number} --as {OUTSIDER}: {refused.status} — {refused.detail}",
                       style="yellow"))
    owner = _owner_for(forge, pr.number)
    with console.status(f"fixbot approve {pr.number} --as {owner}: policy re-evaluated, checks on the head SHA…"):
        result = approve_cmd.approve(repo, pr.number, owner, sink)
    style = "green" if result.status == "merged" else "red"
    console.print(Text(f"fixbot approve {pr.number} --as {owner}: {result.status} — {result.detail}", style=style))
    return Row("approval", pending.resource, f"#{pr.number}", f"{result.status} (by {owner})"), pr.number


def act_denied(repo: Path, console: Console, report: FixReport) -> Row | None:
    denied = [r for r in report.results if r.outcome == "deny"]
    pick = next((r for r in denied if "high_blast_radius" in r.rules), denied[0] if denied else None)
    if pick is None:
        return None
    _act(console, "4. denied: high blast radius — no branch, no PR, explained")
    console.print(f"$ fixbot explain {pick.finding_ids[0]}")
    explain_cmd.render(explain_cmd.lookup(repo, pick.finding_ids[0]), console)
    return Row("denied", pick.resource, "—", f"denied ({', '.join(pick.rules)})")


def _drift_spec(repo: Path, number: int) -> str | None:
    forge = LocalForge(repo)
    files = set(forge.changed_files(number))
    inventory = build_inventory(repo, load_repo_config(repo))
    # drift on the fixed resource itself, not on a resource the fix generated beside it
    for res in sorted(inventory.resources, key=lambda r: PurePosixPath(r.file).name.startswith("fixbot_")):
        if res.file in files:
            flag = next((k for k, v in res.attributes.items() if v is True), None)
            if flag:
                return f"{res.address}:{flag}=false"
    return None


def act_apply_verify(repo: Path, console: Console, allowed: ItemResult | None, number: int | None,
                     sink: Path) -> list[Row]:
    """One apply (with drift on the prod fix) and one verify for every merged fix."""
    spec = _drift_spec(repo, number) if number else None
    _act(console, "5. apply, then verify: the allowed fix holds; drift breaks the prod fix → revert PR")
    results = _verify(repo, console, [spec] if spec else [], sink)
    rows = []
    if allowed is not None:
        ok = any(r.ok and r.resource == allowed.resource for r in results)
        rows.append(Row("allowed", allowed.resource, f"#{allowed.pr}", "merged + verified" if ok else "merged"))
    failed = next((r for r in results if not r.ok and r.revert_pr), None)
    if failed is None or failed.revert_pr is None:
        return rows
    status = failed.revert_status
    if status == "awaiting_approval":
        owner = _owner_for(LocalForge(repo), failed.revert_pr)
        with console.status(f"fixbot approve {failed.revert_pr} --as {owner}…"):
            res = approve_cmd.approve(repo, failed.revert_pr, owner, sink)
        console.print(Text(f"the revert is a prod change too, decided by policy: approved by {owner} → "
                           f"{res.status}", style="magenta"))
        status = res.status
    console.print("the finding re-enters the queue with the failure attached: the next `fixbot fix` proposes it "
                  "again, and never auto-merges it")
    return [*rows, Row("revert", failed.resource, f"#{failed.revert_pr}", f"revert {status}, finding requeued")]


def act_audit(repo: Path, console: Console, sink: Path) -> None:
    _act(console, "6. the audit trail, rebuilt from git alone")
    records, problems = audit_cmd.load(repo, sink, True)
    versions = sorted({r.get("Fixbot-Policy-Version") for r in records if r.get("Fixbot-Policy-Version")})
    table = Table(title=f"refs/fixbot/audit — policy version(s) {', '.join(versions)}")
    for col in ("#", "event", "resource", "decision", "PR", "by / detail"):
        table.add_column(col, overflow="fold")
    for rec in records:
        style = audit_cmd.EVENT_STYLE.get(rec.event, "")
        extra = rec.get("Fixbot-Approved-By") or rec.get("Fixbot-Verification") or rec.get("Fixbot-Detail")
        table.add_row(str(rec.seq), Text(rec.event, style=style), Text(rec.get("Fixbot-Resource")),
                      rec.get("Fixbot-Decision"), rec.get("Fixbot-PR"), Text(extra[:70]))
    console.print(table)
    verdict = "chain intact" if not problems else f"{len(problems)} problem(s)"
    console.print(Text(f"fixbot audit --verify --audit-sink {sink}: {len(records)} records, {verdict} "
                       "(each also appended to the external JSON Lines sink)", style="red" if problems else "green"))


def tell(repo: Path, console: Console) -> list[Row]:
    """Run the story; the audit sink lives next to (outside) the repository."""
    sink = repo.parent / f"{repo.name}-audit.jsonl"
    console.print(Text(f"fixbot demo: payments infra repository at {repo}", style="bold"))
    report = _fix(repo, console, sink)
    allowed = act_allowed(console, report)
    approval, approved_pr = act_approval(repo, console, report, sink)
    denied = act_denied(repo, console, report)
    verified = act_apply_verify(repo, console, allowed, approved_pr, sink)
    act_audit(repo, console, sink)
    rows = [*verified[:1], approval, denied, *verified[1:]]
    return [r for r in rows if r is not None]


def summary_table(rows: list[Row]) -> Table:
    table = Table(title="summary")
    for col in ("path", "resource", "PR", "outcome"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.path, Text(r.resource), r.pr, r.outcome)
    return table
