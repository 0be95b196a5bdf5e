"""The job summary and step outputs of `fixbot fix --forge github` under GitHub Actions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence

from bot.lifecycle.execute import ItemResult
from bot.models.report import Assessment
from bot.text import md_escape


def resource_risks(assessments: Sequence[Assessment]) -> dict[str, float]:
    """Highest risk per planned resource (the unit a fix PR covers)."""
    out: dict[str, float] = {}
    for a in assessments:
        key = a.plan.resource if a.plan else (a.finding.resource or a.finding.id)
        out[key] = max(a.risk.score, out.get(key, 0.0))
    return out


def pr_url(server_url: str, repository: str, number: int) -> str:
    return f"{server_url.rstrip('/')}/{repository}/pull/{number}"


def fix_summary_markdown(results: Sequence[ItemResult], risks: Mapping[str, float], server_url: str,
                         repository: str, deferred: int = 0) -> str:
    """Resources highest risk first: the policy decision, what happened, and the PR link."""
    ranked = sorted(results, key=lambda r: (-risks.get(r.resource, 0.0), r.resource))
    counts = Counter(r.status for r in results)
    lines = ["## fixbot fix", "",
             (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing to fix") + "."]
    if deferred:
        lines += ["", f"{deferred} resource(s) deferred by the PR caps (highest risk goes first next run)."]
    lines += ["", "| risk | resource | decision | policy rules | status | PR |", "|---:|---|---|---|---|---|"]
    for r in ranked:
        link = f"[#{r.pr}]({pr_url(server_url, repository, r.pr)})" if r.pr else ""
        rules = ", ".join(md_escape(x) for x in r.rules)
        lines.append(f"| {risks.get(r.resource, 0.0):.2f} | {md_escape(r.resource)} | {md_escape(r.outcome)} "
                     f"| {rules} | {md_escape(r.status)} | {link} |")
    return "\n".join(lines) + "\n"


def fix_outputs(results: Sequence[ItemResult], server_url: str, repository: str) -> dict[str, str]:
    prs = sorted({r.pr for r in results if r.pr})
    statuses = Counter(r.status for r in results)
    return {
        "prs": json.dumps([pr_url(server_url, repository, n) for n in prs]),
        "merged": str(statuses.get("merged", 0)),
        "awaiting-approval": str(statuses.get("awaiting_approval", 0)),
        "denied": str(statuses.get("denied", 0)),
    }
