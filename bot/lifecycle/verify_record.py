"""The verification record: each check, its result and the live evidence (values, never secrets)."""

from __future__ import annotations

import json

from bot.provider.result import ProviderReport

MAX_TRAILERS = 20


def _one_line(text: str) -> str:
    return " ".join(text.split())


def evidence_trailers(report: ProviderReport | None) -> dict[str, str]:
    """`Fixbot-Provider`, `Fixbot-Check` and one `Fixbot-Check-N` trailer per check result."""
    if report is None:
        return {}
    out = {"Fixbot-Provider": report.provider, "Fixbot-Check": report.check}
    for i, r in enumerate(report.results[:MAX_TRAILERS], 1):
        out[f"Fixbot-Check-{i}"] = _one_line(r.line())
    return out


def comment_body(headline: str, report: ProviderReport) -> str:
    rows = ["| check | resource | live id | result | evidence / reason |", "|---|---|---|---|---|"]
    for r in report.results:
        facts = json.dumps(r.evidence, sort_keys=True, default=str) if r.evidence else ""
        why = f"{r.why.value}: " if r.why else ""
        cell = _one_line(" ".join(x for x in (why + r.reason if r.reason else why, facts) if x)).replace("|", "\\|")
        rows.append(f"| `{r.check}` | `{r.resource}` | {r.live_id or '—'} | **{r.status.value}** | {cell} |")
    return f"**fixbot verify** (provider `{report.provider}`): {headline}\n\n" + "\n".join(rows) + "\n"
