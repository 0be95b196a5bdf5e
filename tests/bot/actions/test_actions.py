"""Annotations, the job summary, step outputs and the Actions environment (bot/actions)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.actions import ActionsEnv, annotation_lines, outputs, summary_markdown, write_outputs
from bot.actions.fix_summary import fix_outputs, fix_summary_markdown, resource_risks
from bot.cli.scan_github import only_paths, repo_prefix
from bot.errors import InputError
from bot.lifecycle.execute import ItemResult
from bot.models.common import LineSpan, Severity
from bot.models.decision import Decision, Outcome, Reason
from bot.models.finding import Finding
from bot.models.report import Assessment, RepositoryInfo, ScanReport
from bot.models.risk import Risk
from tests.harness.workflow_sim import parse_output_file

WEBHOOKS = Path(__file__).resolve().parents[2] / "fixtures" / "github" / "webhooks"
EVIL = "Bucket | is [public](https://evil.example) @octo-org/admins\n::set-env name=X::1 100%"


def a(fid: str, score: float, *, title: str = "S3 bucket is public", file: str = "main.tf",
      resource: str = "aws_s3_bucket.data", outcome: Outcome | None = Outcome.allow) -> Assessment:
    f = Finding(id=fid, source="checkov", rule_id="CKV_AWS_20", title=title, severity=Severity.high,
                resource=resource, file=file, line=LineSpan(start=3, end=9))
    d = Decision(outcome=outcome, reasons=(Reason(rule="prod_change", message="m"),), policy_version="p1") \
        if outcome else None
    return Assessment(finding=f, risk=Risk(score=score, factors=()), decision=d)


def report(*assessments: Assessment) -> ScanReport:
    return ScanReport(repository=RepositoryInfo(path="."), assessments=assessments, policy_version="p1")


def test_annotations_only_at_or_above_threshold_highest_first() -> None:
    r = report(a("f1", 0.5), a("f2", 0.95), a("f3", 0.7), a("f4", 0.2, file=""))
    lines = annotation_lines(r, 0.7)
    assert [ln.split("risk ")[1][:4] for ln in lines] == ["0.95", "0.70"]
    assert all(ln.startswith("::error file=main.tf,line=3,endLine=9,") for ln in lines)
    assert all(ln.startswith("::warning ") for ln in annotation_lines(r, 0.7, failing=False))
    assert annotation_lines(r, 0.7, prefix="infra")[0].startswith("::error file=infra/main.tf,")
    assert len(annotation_lines(report(*(a(f"f{i}", 0.9) for i in range(80))), 0.5)) == 50


def test_annotation_escapes_untrusted_text_into_one_command() -> None:
    [line] = annotation_lines(report(a("f1", 0.9, title=EVIL, file="dir,x/a:b.tf")), 0.5)
    assert "\n" not in line and "\r" not in line
    props, msg = line[len("::error "):].split("::", 1)
    assert props.startswith("file=dir%2Cx/a%3Ab.tf,")  # a comma or colon cannot add a property
    assert "%0A::set-env" in msg and "100%25" in msg


def test_summary_is_risk_ordered_escaped_and_bounded() -> None:
    r = report(a("f1", 0.3), a("f2", 0.9, title=EVIL, resource="aws_s3_bucket.x|y @admin"), a("f3", 0.6))
    md = summary_markdown(r, 0.5, {"f3": "[#4](https://github.com/o/r/pull/4)"})
    rows = [ln for ln in md.splitlines() if ln.startswith("| 0.")]
    assert [row[2:6] for row in rows] == ["0.90", "0.60", "0.30"]
    assert rows[1].endswith("| [#4](https://github.com/o/r/pull/4) |")
    assert "x\\|y" in rows[0] and "@\u200badmin" in rows[0] and len(re.findall(r"(?<!\\)\|", rows[0])) == 8
    assert "3 finding(s), 2 at or above risk 0.50" in md and "Decisions: 3 allow." in md
    many = summary_markdown(report(*(a(f"f{i:03}", 0.5) for i in range(130))), 0.5)
    assert len([ln for ln in many.splitlines() if ln.startswith("| 0.")]) == 100
    assert "… and 30 more" in many


def test_outputs_round_trip_through_the_runner_format(tmp_path: Path) -> None:
    out = tmp_path / "output"
    values = {**outputs(report(a("f1", 0.95), a("f2", 0.1)), 0.9, tmp_path / "x.sarif"),
              "prs": json.dumps(["https://github.com/o/r/pull/1"]), "multi": "line one\nline two"}
    write_outputs(out, values)
    write_outputs(out, {"later": "1"})
    parsed = parse_output_file(out.read_text())
    assert parsed == {**values, "later": "1"}
    assert (parsed["findings"], parsed["above-threshold"], parsed["max-risk"], parsed["failed"]) == (
        "2", "1", "0.95", "true")


def test_env_reads_runner_variables_then_the_event(tmp_path: Path) -> None:
    assert ActionsEnv.from_env({"GITHUB_ACTIONS": "false"}) is None
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"ref": "refs/heads/main", "after": "a" * 40,
                                 "repository": {"full_name": "octo-org/infra"}}))
    env = ActionsEnv.from_env({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event)})
    assert env is not None and env.target() == ("octo-org/infra", "a" * 40, "refs/heads/main")
    env = ActionsEnv.from_env({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event),
                               "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "b" * 40, "GITHUB_REF": "refs/tags/v1"})
    assert env is not None and env.target() == ("o/r", "b" * 40, "refs/tags/v1")
    pr_event = json.loads((WEBHOOKS / "pull_request.opened.json").read_text())
    event.write_text(json.dumps(pr_event))
    env = ActionsEnv.from_env({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event)})
    assert env is not None and env.target() == (pr_event["repository"]["full_name"],
                                                pr_event["pull_request"]["head"]["sha"],
                                                f"refs/pull/{pr_event['number']}/head")
    event.write_text("{not json")
    with pytest.raises(InputError, match="GITHUB_EVENT_PATH"):
        ActionsEnv.from_env({"GITHUB_ACTIONS": "true", "GITHUB_EVENT_PATH": str(event)}).target()  # type: ignore[union-attr]


def test_fix_summary_links_prs_highest_risk_first() -> None:
    results = [ItemResult("aws_s3_bucket.a", ("f1",), "allow", ("CKV_AWS_20",), "merged", pr=3),
               ItemResult("aws_s3_bucket.b|@x", ("f2",), "require_approval", ("CKV_AWS_21",), "awaiting_approval",
                          pr=4),
               ItemResult("aws_iam_role.c", ("f3",), "deny", ("CKV_AWS_1",), "denied")]
    risks = resource_risks([a("f1", 0.4, resource="aws_s3_bucket.a"), a("f2", 0.8, resource="aws_s3_bucket.b|@x"),
                            a("f3", 0.6, resource="aws_iam_role.c")])
    md = fix_summary_markdown(results, risks, "https://github.com", "o/r", deferred=2)
    rows = [ln for ln in md.splitlines() if ln.startswith("| 0.")]
    assert [r[2:6] for r in rows] == ["0.80", "0.60", "0.40"]
    assert "[#4](https://github.com/o/r/pull/4)" in rows[0] and "b\\|@\u200bx" in rows[0]
    assert "2 resource(s) deferred" in md and "1 awaiting_approval, 1 denied, 1 merged." in md
    assert fix_outputs(results, "https://github.com", "o/r") == {
        "prs": json.dumps(["https://github.com/o/r/pull/3", "https://github.com/o/r/pull/4"]),
        "merged": "1", "awaiting-approval": "1", "denied": "1"}


def test_only_paths_and_repo_prefix(tmp_path: Path) -> None:
    r = report(a("f1", 0.5, file="infra/prod/main.tf"), a("f2", 0.5, file="infra-old/main.tf"),
               a("f3", 0.5, file="k8s/app.yaml"))
    assert [x.finding.id for x in only_paths(r, ["infra/", "k8s"]).assessments] == ["f1", "f3"]
    assert only_paths(r, ["", "."]) == r
    (tmp_path / ".git").mkdir()
    (tmp_path / "infra" / "prod").mkdir(parents=True)
    assert repo_prefix(tmp_path / "infra" / "prod") == "infra/prod" and repo_prefix(tmp_path) == ""
