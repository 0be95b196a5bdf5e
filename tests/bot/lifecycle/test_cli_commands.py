"""The lifecycle commands through `bot.cli.main` (exit codes and messages users see)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.audit.log import AUDIT_REF, AuditLog
from bot.cli.main import main
from bot.errors import EXIT_LOCKED
from bot.forge.base import FileChange, PrState
from bot.forge.local import LocalForge
from bot.lifecycle.lock import repo_lock
from tests.harness.gitrepo import git, make_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"main.tf": 'resource "aws_s3_bucket" "b" {}\n'})


def test_a_second_concurrent_fix_exits_4_with_a_clear_message(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forge = LocalForge(repo)
    with repo_lock(forge.state_dir, what="fix"):
        code = main(["fix", str(repo), "--no-checkov", "--lock-wait", "0.2"])
    assert code == EXIT_LOCKED
    assert "another fixbot run holds the repository lock" in capsys.readouterr().err
    assert forge.list_prs() == []


def test_audit_verify_exit_codes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    forge = LocalForge(repo)
    log = AuditLog(forge.repo, forge.state_dir)
    log.record("decision", {"Fixbot-Finding": "f1", "Fixbot-Decision": "deny", "Fixbot-Policy-Version": "v1"})
    log.record("decision", {"Fixbot-Finding": "f2", "Fixbot-Decision": "allow", "Fixbot-Policy-Version": "v1"})
    assert main(["audit", str(repo), "--verify", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["trailers"]["Fixbot-Decision"] for r in out["records"]] == ["deny", "allow"]
    git(repo, "update-ref", AUDIT_REF, f"{AUDIT_REF}~1")  # someone drops the newest record
    assert main(["audit", str(repo), "--verify"]) == 1
    assert "TAMPER" in capsys.readouterr().out


def _open_pr(repo: Path) -> int:
    forge = LocalForge(repo)
    forge.create_branch("fixbot/x/1", forge.head_sha("main") or "")
    forge.commit("fixbot/x/1", "m", [FileChange(path="main.tf", content="changed\n")], {})
    return forge.open_pr("fixbot/x/1", "main", "t", "no fixbot marker").number


def test_approve_refuses_prs_fixbot_does_not_know(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = _open_pr(repo)
    assert main(["approve", str(number), str(repo), "--as", "carol"]) == 2
    assert "not a fixbot PR" in capsys.readouterr().err


def test_prs_lists_sets_teams_and_closes_as_a_human(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = _open_pr(repo)
    assert main(["prs", str(repo), "--team", "@acme/payments=priya,raj", "--close", str(number), "--as", "bob",
                 "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["state"] == "closed" and listed[0]["closed_by"] == "bob"
    forge = LocalForge(repo)
    assert forge.team_members("@acme/payments") == ["priya", "raj"]
    assert forge.get_pr(number).state == PrState.closed
    assert main(["prs", str(repo), "--team", "nonsense"]) == 2


def test_explain_and_apply_usage_errors(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "deadbeef", str(repo)]) == 2
    assert "no decision recorded for finding deadbeef" in capsys.readouterr().err
    assert main(["apply", str(repo)]) == 2
    assert "--simulate" in capsys.readouterr().err


def test_commands_reject_a_directory_that_is_not_a_repository(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", str(tmp_path), "--no-checkov"]) == 2
    assert "not a git repository" in capsys.readouterr().err
