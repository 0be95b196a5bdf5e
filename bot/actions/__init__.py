"""GitHub Actions awareness: annotations, job summary and step outputs.

Active when `GITHUB_ACTIONS=true`; everything is read from the environment once into a
frozen `ActionsEnv` and passed down.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.errors import InputError
from bot.models.report import Assessment, ScanReport
from bot.text import decision_label as decision_cell
from bot.text import md_escape

MAX_ANNOTATIONS = 50  # what GitHub displays per job
SUMMARY_ROWS = 100  # GitHub caps a step summary at 1 MiB; the SARIF upload carries every finding


class ActionsEnv(BaseModel):
    model_config = ConfigDict(frozen=True)

    repository: str | None = None
    sha: str | None = None
    ref: str | None = None
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
            ref=env.get("GITHUB_REF"),
            event_path=opt("GITHUB_EVENT_PATH"),
            summary_path=opt("GITHUB_STEP_SUMMARY"),
            output_path=opt("GITHUB_OUTPUT"),
            server_url=env.get("GITHUB_SERVER_URL", "https://github.com"),
        )

    def event(self) -> dict[str, object]:
        if self.event_path is None or not self.event_path.is_file():
            return {}
        try:
            data = json.loads(self.event_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"GITHUB_EVENT_PATH {self.event_path}: not a JSON event payload ({exc})") from None
        return data if isinstance(data, dict) else {}

    def target(self) -> tuple[str | None, str | None, str | None]:
        """(repository, commit sha, ref) from the runner's variables, else from the event payload."""
        event = self.event()
        repo, pull = event.get("repository"), event.get("pull_request")
        full_name = repo.get("full_name") if isinstance(repo, dict) else None
        sha, ref = event.get("after"), event.get("ref")
        if isinstance(pull, dict):  # pull_request events: the PR's head
            head = pull.get("head")
            sha = head.get("sha") if isinstance(head, dict) else None
            ref = f"refs/pull/{pull.get('number')}/head" if isinstance(pull.get("number"), int) else None
        return (self.repository or _text(full_name), self.sha or _text(sha),
                self.ref or _text(ref if isinstance(ref, str) and ref.startswith("refs/") else None))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(a: Assessment, threshold: float, kind: str | None = None, prefix: str = "") -> str:
    """One workflow command; `kind` defaults to `error` at or above the threshold, else `warning`."""
    f = a.finding
    kind = kind or ("error" if a.risk.score >= threshold else "warning")
    path = f"{prefix.strip('/')}/{f.file}" if prefix.strip("/.") else (f.file or "")
    props = [f"file={_escape_property(path)}"]
    if f.line:
        props += [f"line={f.line.start}", f"endLine={f.line.end}"]
    props.append(f"title={_escape_property(f'fixbot {f.rule_id} risk {a.risk.score:.2f}')}")
    msg = f"{f.title} on {f.resource} (risk {a.risk.score:.2f}, {decision_cell(a) or 'no decision'})"
    return f"::{kind} {','.join(props)}::{_escape_data(msg)}"


def annotation_lines(report: ScanReport, threshold: float, *, failing: bool = True, prefix: str = "",
                     limit: int = MAX_ANNOTATIONS) -> list[str]:
    """Findings at or above the threshold, highest risk first: `::error` when they fail the job
    (`failing`), else `::warning`. GitHub shows at most 50 annotations a job, so no more are sent."""
    kind = "error" if failing else "warning"
    ranked = sorted((a for a in report.assessments if a.finding.file and a.risk.score >= threshold),
                    key=lambda a: (-a.risk.score, a.finding.id))
    return [annotation(a, threshold, kind, prefix) for a in ranked[:limit]]


def _row(a: Assessment, links: Mapping[str, str]) -> str:
    f = a.finding
    loc = f"{f.file}:{f.line.start}" if f.file and f.line else (f.file or "")
    return (f"| {a.risk.score:.2f} | {f.severity.value} | {md_escape(f.rule_id)} | {md_escape(f.resource)} "
            f"| {md_escape(loc)} | {md_escape(decision_cell(a))} | {links.get(f.id, '')} |")


def _decision_counts(report: ScanReport) -> str:
    counts = Counter(a.decision.outcome.value if a.decision else "undecided" for a in report.assessments)
    return ", ".join(f"{n} {name}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def summary_markdown(report: ScanReport, threshold: float, pr_links: Mapping[str, str] | None = None,
                     max_rows: int = SUMMARY_ROWS) -> str:
    """The job summary: counts, decisions, and the findings highest risk first (PR links if known)."""
    links = pr_links or {}
    ranked = sorted(report.assessments, key=lambda a: (-a.risk.score, a.finding.id))
    above = [a for a in ranked if a.risk.score >= threshold]
    lines = [
        "## fixbot scan",
        "",
        f"{len(ranked)} finding(s), {len(above)} at or above risk {threshold:.2f}; "
        f"{len(report.unmapped)} unmapped; {len(report.errors)} error(s).",
    ]
    if ranked:
        lines += ["", f"Decisions: {_decision_counts(report)}."]
    lines += ["", "| risk | severity | rule | resource | location | decision | PR |", "|---:|---|---|---|---|---|---|"]
    lines += [_row(a, links) for a in ranked[:max_rows]]
    if len(ranked) > max_rows:
        lines += ["", f"… and {len(ranked) - max_rows} more (lower risk); the SARIF upload has them all."]
    if report.policy_version:
        lines += ["", f"Policy version: `{report.policy_version.replace('`', '')}`"]
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
