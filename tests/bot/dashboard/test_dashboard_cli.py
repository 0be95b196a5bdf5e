"""`fixbot dashboard PATH --repo OWNER/NAME` as a workflow runs it: a token in GITHUB_TOKEN, the stand-in as API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.dashboard.markers import DASHBOARD_LABEL, TICKET_LABEL, boxes
from tests.bot.server.conftest import _check
from tests.harness.github_standin.world import World, world

MAIN_TF = '''resource "aws_s3_bucket" "web" {
  bucket = "acme-web"
  acl    = "public-read"
}

resource "aws_ebs_volume" "db" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}
'''
HOSTILE = "Ensure EBS data is encrypted @octo-org/admins [x](https://evil.example)"


def _check_row(rule: str, name: str, resource: str, lines: list[int]) -> dict[str, object]:
    return {"check_id": rule, "check_name": name, "check_result": {"result": "FAILED"}, "file_path": "/main.tf",
            "file_line_range": lines, "resource": resource}


def findings(tmp: Path, with_cmk: bool = True) -> Path:
    rows = [_check_row("CKV_AWS_20", "S3 Bucket has an ACL defined which allows public READ access.",
                       "aws_s3_bucket.web", [1, 4]),
            _check_row("CKV_AWS_3", HOSTILE, "aws_ebs_volume.db", [6, 10])]
    if with_cmk:
        rows.append(_check_row("CKV_AWS_189", "Ensure EBS Volume is encrypted by KMS using a customer managed Key",
                               "aws_ebs_volume.db", [6, 10]))
    path = tmp / ("findings.json" if with_cmk else "findings-fixed.json")
    path.write_text(json.dumps({"check_type": "terraform", "results": {"failed_checks": rows}, "summary": {}}))
    return path


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[World, Path]]:
    repo = tmp_path / "checkout"
    repo.mkdir()
    (repo / "main.tf").write_text(MAIN_TF)
    with world(tmp_path) as w:
        token = w.broker.mint(w.ref, {"issues": "write", "pull_requests": "read"})
        for name in ("FIXBOT_APP_ID", "FIXBOT_PRIVATE_KEY", "FIXBOT_PRIVATE_KEY_PATH", "GITHUB_API_URL"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("GITHUB_TOKEN", token.value)
        monkeypatch.setenv("FIXBOT_GITHUB_API_URL", w.gh.url)
        yield w, repo
        w.broker.revoke(token.value)
        _check(w)


def dashboard(repo: Path, findings_file: Path, *extra: str) -> int:
    return main(["dashboard", str(repo), "--repo", "octo-org/infra", "--no-checkov", "--findings",
                 str(findings_file), *extra])


def test_the_command_upserts_the_dashboard_and_tickets_and_reruns_quietly(
        env: tuple[World, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w, repo = env
    assert dashboard(repo, findings(tmp_path)) == 0
    assert "created; tickets: 1 created" in capsys.readouterr().out
    (dash,) = w.gh.issues(w.repo, DASHBOARD_LABEL)
    (ticket,) = w.gh.issues(w.repo, TICKET_LABEL)
    assert len(boxes(dash.body)) == 1 and f"ticket #{ticket.number}" in dash.body
    assert "@octo-org" not in dash.body and "@octo-org" not in ticket.body and "](https://" not in dash.body
    assert "`kms_key_arn`" in ticket.body and ticket.title == "fixbot: no automatic fix for aws_ebs_volume.db"
    mark = len(w.gh.state.requests)
    assert dashboard(repo, findings(tmp_path), "--format", "json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["action"] == "unchanged" and out["tickets"]["unchanged"] == [ticket.number]
    assert [c for c in w.gh.api_calls(mark) if c[0] != "GET"] == []


def test_ticket_closes_when_a_later_scan_no_longer_reports_it(env: tuple[World, Path], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    w, repo = env
    dashboard(repo, findings(tmp_path))
    (ticket,) = w.gh.issues(w.repo, TICKET_LABEL)
    # CKV_AWS_3 stays on the volume: the ticket is rewritten, not closed
    dashboard(repo, findings(tmp_path, with_cmk=False))
    assert w.repo.issues[ticket.number].state == "open" and "CKV\\_AWS\\_189" not in w.repo.issues[ticket.number].body
    only_s3 = tmp_path / "s3.json"
    data = json.loads(findings(tmp_path).read_text())
    data["results"]["failed_checks"] = data["results"]["failed_checks"][:1]
    only_s3.write_text(json.dumps(data))
    capsys.readouterr()
    assert dashboard(repo, only_s3, "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["tickets"]["closed"] == [ticket.number]
    assert w.repo.issues[ticket.number].state == "closed"
    assert "no longer finds" in w.repo.comments[ticket.number][-1].body
    assert "Every finding has an automatic fix." in w.gh.issues(w.repo, DASHBOARD_LABEL)[0].body


def test_without_repo_the_command_refuses_and_dry_run_prints_the_body(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "checkout"
    repo.mkdir()
    (repo / "main.tf").write_text(MAIN_TF)
    f = findings(tmp_path)
    assert main(["dashboard", str(repo), "--no-checkov", "--findings", str(f)]) == 2
    assert "needs --repo OWNER/NAME" in capsys.readouterr().err
    assert main(["dashboard", str(repo), "--no-checkov", "--findings", str(f), "--dry-run"]) == 0
    body = capsys.readouterr().out
    assert body.startswith("<!-- fixbot-dashboard:v1 -->") and "## Open findings by risk" in body


def test_verified_fixes_come_from_the_lifecycle_memory_of_an_earlier_fix_run(
        env: tuple[World, Path], tmp_path: Path) -> None:
    from bot.lifecycle.ledger import BotState, ItemState
    from bot.lifecycle.naming import PrMeta, encode_meta
    from tests.harness.github_standin.state import Pull

    w, repo = env
    meta = PrMeta(resource="aws_s3_bucket.old", action="block_public_s3_access", finding_ids=("f" * 16,))
    w.repo.issues[1] = Pull(1, "fixbot: old", f"x\n{encode_meta(meta)}", "fixbot/b/1", "main", "fixbot[bot]",
                            state="closed", merged=True, merge_commit_sha="e" * 40)
    state_dir = tmp_path / "work" / ".git" / "fixbot"
    state_dir.mkdir(parents=True)
    BotState(state_dir).put(ItemState(resource="aws_s3_bucket.old", status="verified", pr=1))
    assert dashboard(repo, findings(tmp_path), "--state-dir", str(state_dir)) == 0
    (dash,) = w.gh.issues(w.repo, DASHBOARD_LABEL)
    assert "- #1 (merged) on aws\\_s3\\_bucket.old: **verified**" in dash.body
    assert main(["dashboard", str(repo), "--repo", "o/r", "--no-checkov", "--state-dir", str(tmp_path)]) == 2


def test_under_github_actions_the_step_gets_outputs_and_a_summary_line(
        env: tuple[World, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w, repo = env
    out, summary = tmp_path / "gh_output", tmp_path / "gh_summary"
    for name, value in {"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(out), "GITHUB_STEP_SUMMARY": str(summary),
                        "GITHUB_REPOSITORY": "octo-org/infra", "GITHUB_SERVER_URL": "https://github.com"}.items():
        monkeypatch.setenv(name, value)
    assert dashboard(repo, findings(tmp_path)) == 0
    (dash,) = w.gh.issues(w.repo, DASHBOARD_LABEL)
    url = f"https://github.com/octo-org/infra/issues/{dash.number}"
    lines = out.read_text().splitlines()
    assert lines[lines.index(next(x for x in lines if x.startswith("dashboard-url<<"))) + 1] == url
    assert any(x.startswith("tickets-open<<") for x in lines)
    assert f"Dashboard: [#{dash.number}]({url}) (created); 1 ticket(s)" in summary.read_text()


def test_a_scan_with_input_errors_never_closes_tickets(env: tuple[World, Path], tmp_path: Path) -> None:
    w, repo = env
    dashboard(repo, findings(tmp_path))
    (ticket,) = w.gh.issues(w.repo, TICKET_LABEL)
    only_s3 = tmp_path / "s3.json"
    data = json.loads(findings(tmp_path).read_text())
    data["results"]["failed_checks"] = data["results"]["failed_checks"][:1]
    only_s3.write_text(json.dumps(data))
    (repo / "broken.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = \n')
    assert dashboard(repo, only_s3) == 0
    assert w.repo.issues[ticket.number].state == "open"  # maybe the volume is in a file that failed to parse
    (repo / "broken.tf").unlink()
    assert dashboard(repo, only_s3) == 0
    assert w.repo.issues[ticket.number].state == "closed"
