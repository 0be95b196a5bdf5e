"""`LifecycleEngine`: the webhook handlers' chain — the same lifecycle as the local forge, on GitHub.

Each call syncs the repository's work dir, scans the default branch's snapshot, plans and
decides, then acts through `GitHubForge` (each forge operation under its own narrowed,
revoked token). New PRs respect the caps read from GitHub itself (open fixbot PRs, PRs opened
in the last hour), highest risk first.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.chain import Decided
from bot.errors import ForgeError
from bot.forge.github import GitHubForge, RepoRef
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.naming import PrMeta, decode_meta
from bot.lifecycle.revert import open_revert
from bot.lifecycle.review import on_review as lifecycle_on_review
from bot.lifecycle.verify import record_failed, record_verified
from bot.models.report import Assessment
from bot.server.alerts import alert_to_sarif
from bot.server.dashboard import refresh_dashboard
from bot.server.escape import code
from bot.server.pr_caps import fix_target, within_caps
from bot.server.settings import Settings
from bot.server.workspace import Workspace, make_lifecycle, plan_and_decide

log = logging.getLogger("fixbot.server")


def _matches(a: Assessment, only: str) -> bool:
    return only in (fix_target(a), a.finding.rule_id) or fix_target(a).endswith(f":{only}")


class LifecycleEngine:
    def __init__(self, settings: Settings, run_checkov: bool = True) -> None:
        self.settings, self.run_checkov = settings, run_checkov

    # -- the chain ------------------------------------------------------------------------
    @contextmanager
    def _chain(self, forge: GitHubForge, repo: RepoRef, findings: Sequence[Path] = ()) -> Iterator[
            tuple[Decided, Lifecycle]]:
        """Sync, scan the default branch's snapshot, plan, decide; the lifecycle to act with."""
        ws = Workspace(self.settings.work_dir, repo)
        git_repo, branch, sha = ws.sync(forge)
        with ws.snapshot(git_repo, sha) as snap:
            d = plan_and_decide(snap, branch, findings, self.run_checkov)
            yield d, make_lifecycle(forge, git_repo, ws, d)

    def _run(self, forge: GitHubForge, repo: RepoRef, only: str | None = None,
             findings: Sequence[Path] = (), caps: bool = True) -> str:
        with self._chain(forge, repo, findings) as (d, lc):
            picked = [a for a in d.assessments if only is None or _matches(a, only)]
            chosen = self._within_caps(forge, lc, d, picked) if caps else picked
            # a partial run must not close PRs whose findings it simply did not look at
            report = run_fix(lc, chosen, Options(close_missing=only is None), d.replan)
            if self.settings.dashboard:
                refresh_dashboard(forge, repo, d.assessments, lc.state.all(), d.engine.version,
                                  close_missing=not d.outcome.errors)
        counts = Counter(r.status for r in report.results)
        return ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing to fix"

    def _within_caps(self, forge: GitHubForge, lc: Lifecycle, d: Decided,
                     assessments: list[Assessment]) -> list[Assessment]:
        """The stricter of the server's and the repository's caps."""
        caps = d.outcome.config.caps
        chosen, deferred = within_caps(forge, lc, assessments, min(self.settings.max_open_prs, caps.max_open_prs),
                                       min(self.settings.max_new_prs_per_hour, caps.max_new_prs_per_hour))
        if deferred:
            log.info("caps: deferring %d resource(s)", deferred)
        return chosen

    # -- Engine ---------------------------------------------------------------------------
    def onboard(self, forge: GitHubForge, repo: RepoRef) -> str:
        return self._run(forge, repo)

    def rescan(self, forge: GitHubForge, repo: RepoRef, only: str | None = None) -> str:
        return self._run(forge, repo, only)

    def request_fix(self, forge: GitHubForge, repo: RepoRef, resource: str) -> str:
        """A person asked for this resource's fix (dashboard checkbox): the PR caps step aside, the policy not."""
        return self._run(forge, repo, resource, caps=False)

    def on_checks(self, forge: GitHubForge, repo: RepoRef, sha: str) -> str:
        prs = [p for p in forge.list_prs() if p.head_sha == sha and decode_meta(p.body)]
        if not prs:
            return "no fixbot PR on this commit"
        meta = decode_meta(prs[0].body)
        return self._run(forge, repo, meta.resource if meta else None)

    def on_review(self, forge: GitHubForge, repo: RepoRef, number: int) -> str:
        with self._chain(forge, repo) as (d, lc):
            if lc.state.by_pr(number) is None:  # a restarted server: rebuild memory from the scan
                meta = decode_meta(forge.get_pr(number).body)
                subset = [a for a in d.assessments if meta and fix_target(a) == meta.resource]
                run_fix(lc, subset, Options(close_missing=False), d.replan)
            result = lifecycle_on_review(lc, number)
        return f"{result.status}: {result.detail}"

    def verify(self, forge: GitHubForge, repo: RepoRef, applied_ok: bool, detail: str) -> str:
        with self._chain(forge, repo) as (d, lc):
            merged = [st for st in lc.state.all() if st.status == "merged" and st.merge_sha]
            still = {(fix_target(a), a.finding.rule_id) for a in d.assessments}
            out = []
            for st in merged:
                failing = [r for r in st.rules if (st.resource, r) in still]
                if applied_ok and not failing:
                    record_verified(lc, st, detail or "rescan after apply: rules pass")
                    out.append(f"{st.resource} verified")
                    continue
                reason = detail if not applied_ok else f"still reported after apply: {', '.join(failing)}"
                pr, res = record_failed(lc, st, reason)
                out.append(f"{st.resource} reverted in #{pr.number} ({res.status})")
        return "; ".join(out) or "nothing to verify"

    def revert(self, forge: GitHubForge, repo: RepoRef, number: int, by: str) -> tuple[int, str]:
        """`/fixbot revert`: the lifecycle's revert (policy decision, audit record, state), asked by `by`."""
        with self._chain(forge, repo) as (_, lc):
            st = lc.state.by_pr(number)
            if st is None or st.merge_sha is None:  # merged before this work dir knew it: rebuild from the PR
                pr = forge.get_pr(number)
                meta = decode_meta(pr.body)
                if meta is None or pr.merge_sha is None:
                    raise ForgeError(f"PR #{number} is not a merged fixbot pull request")
                st = lc.state.put(ItemState(resource=meta.resource, status=ItemStatus.merged, pr=number,
                                            merge_sha=pr.merge_sha, finding_ids=meta.finding_ids, rules=meta.rules,
                                            files=tuple(forge.changed_files(number))))
            rpr, result = open_revert(lc, st, f"requested by {by} with /fixbot revert", requested_by=by)
        return rpr.number, result.status

    def ingest_alert(self, forge: GitHubForge, repo: RepoRef, alert: Mapping[str, Any]) -> str:
        with tempfile.TemporaryDirectory(prefix="fixbot-alert-") as tmp:
            path = Path(tmp) / "alert.sarif"
            path.write_text(json.dumps(alert_to_sarif(alert)))
            return self._run(forge, repo, None, [path])

    def plan_text(self, forge: GitHubForge, repo: RepoRef, target: str | None) -> str:
        with self._chain(forge, repo) as (d, _):
            pass
        rows = [a for a in d.assessments if a.plan and (target is None or _matches(a, target))]
        if not rows:
            return "No planned changes" + (f" for {code(target)}" if target else "") + "."
        lines = ["| resource | rule | action | risk | decision |", "| --- | --- | --- | --- | --- |"]
        for a in sorted(rows, key=lambda a: -a.risk.score)[:50]:
            outcome = a.decision.outcome.value if a.decision else "undecided"
            action = a.plan.action if a.plan else ""
            lines.append(f"| {code(fix_target(a))} | {code(a.finding.rule_id)} | {code(action)}"
                         f" | {a.risk.score:.2f} | {outcome} |")
        return "Planned changes (nothing opened):\n\n" + "\n".join(lines)

    def explain_text(self, forge: GitHubForge, repo: RepoRef, meta: PrMeta) -> str:
        with self._chain(forge, repo) as (d, _):
            pass
        rows = [a for a in d.assessments if fix_target(a) == meta.resource]
        if not rows:
            return "The finding is no longer reported on the default branch."
        a = max(rows, key=lambda a: a.risk.score)
        factors = "\n".join(f"- {code(f.name)}: value {f.value:.2f} x weight {f.weight:.2f}" for f in a.risk.factors)
        reasons = "\n".join(f"- {code(r.rule)}: {code(r.message)}" for r in (a.decision.reasons if a.decision else ()))
        version = a.decision.policy_version if a.decision else "none"
        return (f"**Risk {a.risk.score:.2f}**\n{factors}\n\n**Decision** (policy {code(version)}):\n{reasons}")
