"""`fixbot policy test` and `fixbot policy eval` through the real CLI entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.policy.sources import pack_dir
from tests.bot.policy.test_automation_table import pi
from tests.harness.gitrepo import write_files


def test_builtin_pack_tests_pass(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "test", "-v"]) == 0
    out = capsys.readouterr().out
    total = out.count(": PASS")
    assert total >= 30
    assert f"PASS: {total}/{total}" in out
    assert "test_high_blast_radius_is_always_denied: PASS" in out


def test_failing_test_is_reported_with_non_zero_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = shutil.copytree(pack_dir(), tmp_path / "pack")
    (pack / "zz_test.rego").write_text(
        "package fixbot.policy_test\n\nimport rego.v1\n\n"
        'test_prod_is_allowed if {\n\tdecide({"environment": "prod"}).outcome == "allow"\n}\n'
    )
    assert main(["policy", "test", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "zz_test.rego: data.fixbot.policy_test.test_prod_is_allowed: FAIL (undefined)" in out
    assert "FAIL: 1/" in out


def test_repo_policy_dir_is_tested_against_the_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path / "repo", {
        "freeze.rego": "package fixbot.repo.freeze\n\nimport rego.v1\n\ndeny_rules := [\"prod_freeze\"]\n\n"
                       'deny("prod_freeze", item) := "frozen" if {\n\titem.environment == "prod"\n}\n',
        "freeze_test.rego": "package fixbot.repo_test\n\nimport rego.v1\n\n"
                            "test_prod_frozen if {\n\t[d] := data.fixbot.policy.decisions with input.items as "
                            '[{"action": "open_ticket", "environment": "prod"}]\n\td.outcome == "deny"\n'
                            '\td.reasons == [{"rule": "repo.prod_freeze", "message": "frozen"}]\n}\n',
    })  # fmt: skip
    assert main(["policy", "test", str(tmp_path / "repo")]) == 0
    assert "PASS: 1/1" in capsys.readouterr().out


def test_syntax_error_exits_2_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path / "p", {"broken_test.rego": "package x\n\nimport rego.v1\n\ntest_a if {\n\t1 +\n}\n"})
    assert main(["policy", "test", str(tmp_path / "p")]) == 2
    assert "p/broken_test.rego:6:" in capsys.readouterr().err


def test_eval_prints_decisions_and_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = [pi().model_dump(mode="json"), pi(blast_radius="high").model_dump(mode="json")]
    (tmp_path / "in.json").write_text(json.dumps({"items": items}))
    assert main(["policy", "eval", "--input", str(tmp_path / "in.json")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["outcome"] for d in out["decisions"]] == ["allow", "deny"]
    assert out["decisions"][1]["reasons"][0]["rule"] == "high_blast_radius"
    assert out["policy_version"].startswith("sha256:")


def test_eval_rejects_an_invalid_input_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    item = {**pi().model_dump(mode="json"), "blast_radius": "tiny"}
    (tmp_path / "in.json").write_text(json.dumps(item))
    assert main(["policy", "eval", "--input", str(tmp_path / "in.json")]) == 2
    assert "in.json: item 0: blast_radius:" in capsys.readouterr().err
