"""Locating and running checkov: a fake executable for the plumbing, the real one (marked) for behaviour."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.errors import IngestError, InputError, ToolMissingError
from bot.ingest import collect
from bot.ingest.checkov_runner import checkov_json, locate_checkov, run_checkov

EMPTY = {"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 0, "resource_count": 0, "checkov_version": "3.3.30"}


def fake_checkov(tmp_path: Path, stdout: str, exit_code: int = 0, stderr: str = "") -> Path:
    """An executable that records argv, cwd and env to `calls.json`, then prints `stdout`."""
    script = tmp_path / "bin" / "checkov"
    script.parent.mkdir(exist_ok=True)
    (tmp_path / "out.txt").write_text(stdout)
    (tmp_path / "err.txt").write_text(stderr)
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import json, os, sys\n"
        f"d = {str(tmp_path)!r}\n"
        "json.dump({'argv': sys.argv[1:], 'cwd': os.getcwd(), 'env': dict(os.environ)},"
        " open(os.path.join(d, 'calls.json'), 'w'))\n"
        "sys.stdout.write(open(os.path.join(d, 'out.txt')).read())\n"
        "sys.stderr.write(open(os.path.join(d, 'err.txt')).read())\n"
        f"sys.exit({exit_code})\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def calls(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "calls.json").read_text())


def test_missing_checkov_says_how_to_install_it(tmp_path: Path) -> None:
    env = {"FIXBOT_CHECKOV": str(tmp_path / "nope" / "checkov"), "PATH": ""}
    with pytest.raises(ToolMissingError) as exc:
        locate_checkov(env, project_root=tmp_path)
    text = str(exc.value)
    assert "FIXBOT_CHECKOV=" in text and "make setup" in text
    assert "pip install 'checkov>=3.3,<3.4'" in text
    with pytest.raises(ToolMissingError, match=r"looked at \$FIXBOT_CHECKOV, \.venv-checkov and PATH"):
        locate_checkov({"PATH": str(tmp_path)}, project_root=tmp_path)


def test_collect_without_checkov_installed_fails_with_the_hint(repo: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIXBOT_CHECKOV", str(tmp_path / "missing"))
    monkeypatch.setenv("PATH", "")
    with pytest.raises(ToolMissingError, match="make setup"):
        collect(repo, [], run_checkov=True, config=RepoConfig())


def test_lookup_order_env_then_project_venv_then_path(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    on_path = fake_checkov(tmp_path / "p", "{}")
    assert locate_checkov({"PATH": str(on_path.parent)}, project_root=tmp_path) == on_path
    venv = tmp_path / ".venv-checkov" / "bin"
    venv.mkdir(parents=True)
    shutil.copy(on_path, venv / "checkov")
    assert locate_checkov({"PATH": str(on_path.parent)}, project_root=tmp_path) == venv / "checkov"
    assert locate_checkov({"FIXBOT_CHECKOV": str(on_path)}, project_root=tmp_path) == on_path


def test_checkov_runs_offline_from_the_repo_root(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIXBOT_CHECKOV", str(fake_checkov(tmp_path, json.dumps(EMPTY))))
    monkeypatch.setenv("BC_API_KEY", "secret-should-not-reach-checkov")
    result = collect(repo, [], run_checkov=True, config=RepoConfig())
    assert result.findings == () and result.errors == ()
    call = calls(tmp_path)
    assert Path(call["cwd"]).resolve() == repo.resolve()
    argv = call["argv"]
    assert argv[:2] == ["-d", "."]
    assert argv[argv.index("--framework") + 1: argv.index("--framework") + 3] == ["terraform", "kubernetes"]
    assert {"--skip-download", "--quiet", "--compact"} <= set(argv)
    assert argv[argv.index("-o") + 1] == "json"
    assert call["env"]["BC_SKIP_MAPPING"] == "TRUE"
    assert call["env"]["CKV_SKIP_PACKAGE_UPDATE_CHECK"] == "TRUE"
    assert "BC_API_KEY" not in call["env"]


def test_specific_files_and_checks_in_one_process(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIXBOT_CHECKOV", str(fake_checkov(tmp_path, json.dumps(EMPTY))))
    run_checkov(repo, files=["main.tf", "./k8s/app.yaml"], checks=["CKV_AWS_20", "CKV_K8S_16"], quiet=False)
    argv = calls(tmp_path)["argv"]
    assert argv[:3] == ["-f", "main.tf", "k8s/app.yaml"]
    assert argv[argv.index("-c") + 1] == "CKV_AWS_20,CKV_K8S_16"
    assert "--quiet" not in argv
    with pytest.raises(InputError, match="leaves the repository"):
        run_checkov(repo, files=["../etc/passwd"])
    with pytest.raises(InputError, match="no such file"):
        run_checkov(repo, files=["nope.tf"])
    with pytest.raises(InputError, match="not a checkov check id"):
        run_checkov(repo, files=["main.tf"], checks=["--external-checks-dir=/tmp"])


def test_exit_code_1_means_failures_and_other_codes_are_errors(repo: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    report = json.loads((Path(__file__).parents[2] / "fixtures" / "ingest" / "checkov.json").read_text())
    monkeypatch.setenv("FIXBOT_CHECKOV", str(fake_checkov(tmp_path, json.dumps(report), exit_code=1)))
    assert len(run_checkov(repo).failed) == 10
    monkeypatch.setenv("FIXBOT_CHECKOV", str(fake_checkov(tmp_path, "", 2, "Traceback...\nValueError: boom\n")))
    crashed = re.escape("checkov failed with exit code 2: Traceback... | ValueError: boom")
    with pytest.raises(IngestError, match=crashed):
        checkov_json(repo)
    monkeypatch.setenv("FIXBOT_CHECKOV", str(fake_checkov(tmp_path, "not json", 0)))
    with pytest.raises(IngestError, match="checkov printed no JSON report"):
        checkov_json(repo)


@pytest.mark.checkov
def test_real_checkov_on_a_terraform_and_multi_document_k8s_repo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIXBOT_CHECKOV", raising=False)
    stages: list[str] = []
    result = collect(repo, [], run_checkov=True, config=RepoConfig(), progress=stages.append)
    assert stages == ["checkov"]
    assert result.errors == ()
    got = {(f.rule_id, f.resource, f.file, f.line.start if f.line else 0) for f in result.findings}
    assert {
        ("CKV_AWS_20", "aws_s3_bucket.data", "main.tf", 1),
        ("CKV_AWS_24", "aws_security_group.ssh", "main.tf", 6),
        ("CKV2_AWS_6", "module.store.aws_s3_bucket.inner", "modules/store/main.tf", 1),
        ("CKV_K8S_16", "Pod.default.p", "k8s/app.yaml", 1),
        ("CKV_K8S_11", "Deployment.shop.web", "k8s/app.yaml", 12),
    } <= got
    assert ("CKV_K8S_16", "Deployment.shop.web", "k8s/app.yaml", 12) not in got  # not privileged
    assert {f.file for f in result.findings} == {"main.tf", "modules/store/main.tf", "k8s/app.yaml"}
    assert all(f.sources[0].input == "checkov-run" for f in result.findings)


@pytest.mark.checkov
def test_real_checkov_verify_api_reports_passed_and_failed(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIXBOT_CHECKOV", raising=False)
    run = run_checkov(repo, files=["main.tf", "k8s/app.yaml"], checks=["CKV_AWS_20", "CKV_K8S_16"], quiet=False)
    failed = {(r.check_id, r.resource, r.file) for r in run.failed}
    passed = {(r.check_id, r.resource, r.file) for r in run.passed}
    assert failed == {("CKV_AWS_20", "aws_s3_bucket.data", "main.tf"), ("CKV_K8S_16", "Pod.default.p", "k8s/app.yaml")}
    assert ("CKV_K8S_16", "Deployment.shop.web", "k8s/app.yaml") in passed
    assert run.errors == () and run.parsing_errors == ()


@pytest.mark.checkov
def test_real_checkov_on_an_empty_and_a_broken_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIXBOT_CHECKOV", raising=False)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert collect(empty, [], run_checkov=True, config=RepoConfig()).findings == ()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "bad.tf").write_text('resource "aws_s3_bucket" "x" {\n  bucket = \n')
    (broken / "ok.tf").write_text('resource "aws_s3_bucket" "ok" {\n  acl = "public-read"\n}\n')
    result = collect(broken, [], run_checkov=True, config=RepoConfig())
    assert ("CKV_AWS_20", "aws_s3_bucket.ok") in {(f.rule_id, f.resource) for f in result.findings}
    assert [(e.kind, e.message) for e in result.errors] == [
        ("checkov", "checkov could not parse 1 file(s); their checks are missing from the results")]
    run = run_checkov(broken, quiet=False)
    assert run.parsing_errors == ("bad.tf",) and run.parsing_error_count == 1
