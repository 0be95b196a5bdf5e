"""Defects 11, 12, 15, 17, 19: bad input is a clear exit 2 naming it, never a traceback (exit 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from tests.harness.gitrepo import make_repo

TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"main.tf": TF})


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_huge_integer_in_a_findings_file(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = tmp_path / "huge.json"
    findings.write_text('{"results": {"failed_checks": [{"check_id": "CKV_AWS_20", "file_line_range": [%s, 2]}]}}'
                        % ("9" * 5000))
    code, err = _run(["scan", str(repo), "--no-checkov", "--findings", str(findings), "--format", "json"], capsys)
    assert code == 2 and "huge.json" in err


def test_fixbot_yml_not_utf8(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".fixbot.yml").write_bytes(b"default_environment: caf\xe9\n")
    code, err = _run(["scan", str(repo), "--no-checkov", "--format", "json"], capsys)
    assert code == 2 and ".fixbot.yml" in err and "UTF-8" in err


def test_fixbot_yml_with_bom_is_read(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".fixbot.yml").write_bytes("\ufeffdefault_environment: prod\r\n".encode())
    assert main(["scan", str(repo), "--no-checkov", "--format", "json"]) == 0


def test_fixbot_yml_symlink_out_of_the_repo_is_refused_unread(repo: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("api_token: s3cr3t-value\n")
    (repo / ".fixbot.yml").symlink_to(secret)
    code, err = _run(["scan", str(repo), "--no-checkov", "--format", "json"], capsys)
    assert code == 2 and "symlink" in err and "s3cr3t" not in err and "api_token" not in err


def test_policy_eval_deeply_nested_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "input.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, err = _run(["policy", "eval", "--input", str(deep)], capsys)
    assert code == 2 and "input.json" in err and "nested" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-0.1", "2", "abc"])
def test_fail_threshold_must_be_a_finite_risk(repo: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["scan", str(repo), "--no-checkov", f"--fail-threshold={value}"], capsys)
    assert code == 2 and "--fail-threshold" in err


@pytest.mark.parametrize("value", ["nan", "inf", "-5"])
def test_lock_wait_must_be_finite_and_not_negative(repo: Path, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run(["fix", str(repo), "--no-checkov", f"--lock-wait={value}"], capsys)
    assert code == 2 and "--lock-wait" in err
