"""GitHub Actions awareness: annotations, job summary and step outputs.

Active when `GITHUB_ACTIONS=true`; everything is read from the environment once into a
frozen `ActionsEnv` and passed down.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.models.report import Assessment, ScanReport
from bot.text import decision_label as decision_cell
from bot.text import md_escape


class ActionsEnv(BaseModel):
    model_config = ConfigDict(frozen=True)

    repository: str | None = None
    sha: str | None = None
    event_path: Path | None = None
    summary_path: Path | None = None
    output_path: Path | None = None
    server_url: str = "https://github.com"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ActionsEnv | None:
        if env.get("GITHUB_ACTIONS") != "true":
            return None
        opt = lambda k: Path(env[k]) if env.get(k) else None  # noqa: E731
        return cls(
            repository=env.get("GITHUB_REPOSITORY"),
            sha=env.get("GITHUB_SHA"),
            event_path=opt("GITHUB_EVENT_PATH"),
            summary_path=opt("GITHUB_STEP_SUMMARY"),
            output_path=opt("GITHUB_OUTPUT"),
            server_url=env.get("GITHUB_SERVER_URL", "https://github.com"),
        )

    def event(self) -> dict[str, object]:
        if self.event_path is None or not self.event_path.is_file():
            return {}
        data = json.loads(self.event_path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(a: Assessment, threshold: float) -> str:
    """`::error` at or above the threshold, `::warning` below it."""
    f = a.finding
    kind = "error" if a.risk.score >= threshold else "warning"
    props = [f"file={_escape_property(f.file or '')}"]
    if f.line:
        props += [f"line={f.line.start}", f"endLine={f.line.end}"]
    props.append(f"title={_escape_property(f'fixbot {f.rule_id} risk {a.risk.score:.2f}')}")
    msg = f"{f.title} on {f.resource} (risk {a.risk.score:.2f}, {decision_cell(a) or 'no decision'})"
    return f"::{kind} {','.join(props)}::{_escape_data(msg)}"


def annotation_lines(report: ScanReport, threshold: float) -> list[str]:
    return [annotation(a, threshold) for a in report.assessments if a.finding.file]


def summary_markdown(report: ScanReport, threshold: float, pr_links: Mapping[str, str] | None = None) -> str:
    links = pr_links or {}
    above = [a for a in report.assessments if a.risk.score >= threshold]
    lines = [
        "## fixbot scan",
        "",
        f"{len(report.assessments)} finding(s), {len(above)} at or above risk {threshold:.2f}; "
        f"{len(report.unmapped)} unmapped; {len(report.errors)} error(s).",
        "",
        "| risk | severity | rule | resource | location | decision | PR |",
        "|---:|---|---|---|---|---|---|",
    ]
    for a in report.assessments:
        f = a.finding
        loc = f"{f.file}:{f.line.start}" if f.file and f.line else (f.file or "")
        pr = links.get(f.id, "")
        lines.append(
            f"| {a.risk.score:.2f} | {f.severity.value} | {md_escape(f.rule_id)} | {md_escape(f.resource)} "
            f"| {md_escape(loc)} | {md_escape(decision_cell(a))} | {pr} |"
        )
    if report.policy_version:
        lines += ["", f"Policy version: `{report.policy_version}`"]
    return "\n".join(lines) + "\n"


def outputs(report: ScanReport, threshold: float, sarif_path: Path | None) -> dict[str, str]:
    scores = [a.risk.score for a in report.assessments]
    above = sum(1 for s in scores if s >= threshold)
    return {
        "findings": str(len(scores)),
        "above-threshold": str(above),
        "max-risk": f"{max(scores, default=0.0):.2f}",
        "failed": "true" if above else "false",
        "sarif": str(sarif_path) if sarif_path else "",
        "policy-version": report.policy_version or "",
    }


def write_outputs(path: Path, values: Mapping[str, str]) -> None:
    """Append step outputs in GitHub's multiline-safe `name<<DELIM` form."""
    with path.open("a", encoding="utf-8") as fh:
        for name, value in values.items():
            delim = f"ghadelim_{uuid.uuid4().hex}"
            fh.write(f"{name}<<{delim}\n{value}\n{delim}\n")


def append_summary(path: Path, markdown: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(markdown)
