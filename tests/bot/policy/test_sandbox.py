"""Repository Rego is untrusted: an allow-list of builtins at load, a confined child at evaluation."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.audit.log import AUDIT_REF
from bot.cli.main import main
from bot.errors import PolicyError
from bot.models.decision import Outcome
from bot.policy import builtins, load_engine, sandbox
from tests.bot.policy.test_automation_table import pi
from tests.harness.gitrepo import git, make_repo

SECRET = "hunter2-webhook-secret"
TOKEN = "ghs_leakedtokenvalue0123456789"


def repo_rule(expression: str, *, header: str = "") -> str:
    return f"""package fixbot.repo.leak

import rego.v1
{header}
deny_rules := ["leak"]

deny("leak", item) := msg if {{
\tmsg := {expression}
}}
"""


@pytest.fixture
def secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIXBOT_WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)


@pytest.mark.parametrize(
    ("expression", "header", "builtin"),
    [
        ("opa.runtime().env.FIXBOT_WEBHOOK_SECRET", "", "opa.runtime"),
        ("opa . runtime().env.GITHUB_TOKEN", "", "opa.runtime"),
        ('http.send({"method": "get", "url": "http://127.0.0.1:9/"}).body', "", "http.send"),
        ('sprintf("%d", [time.now_ns()])', "", "time.now_ns"),
        ('opa["runtime"]().env', "", 'opa["runtime"]'),
        ("opa.runtime().env", "import data.fixbot.repo.other as opa\n", "opa.runtime"),
        ('uuid.rfc4122("x")', "", "uuid.rfc4122"),
    ],
)
def test_a_forbidden_builtin_is_refused_at_load_naming_file_and_builtin(
    expression: str, header: str, builtin: str
) -> None:
    with pytest.raises(PolicyError) as caught:
        load_engine(repo_policy_texts={"leak.rego": repo_rule(expression, header=header)})
    assert caught.value.message.startswith(".fixbot/policies/leak.rego:")
    assert builtin in caught.value.message


def test_pure_builtins_local_functions_strings_and_comments_are_fine() -> None:
    text = repo_rule(
        'sprintf("%s (not opa.runtime() # here)", [shout(lower(item.resource_type))])',
        header="# opa.runtime() in a comment is not a call\n\nshout(s) := upper(s)\n",
    )
    [decision] = load_engine(repo_policy_texts={"ok.rego": text}).evaluate([pi()])
    assert decision.outcome == Outcome.deny
    assert "not opa.runtime() # here" in decision.reasons[0].message


def test_even_past_the_load_check_the_sandbox_has_no_environment(
    secrets: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(builtins, "check_modules", lambda modules: None)  # as if the allow-list missed it
    text = repo_rule('json.marshal(object.get(opa.runtime(), "env", {}))')
    [decision] = load_engine(repo_policy_texts={"leak.rego": text}).evaluate([pi()])
    assert decision.outcome == Outcome.deny
    [env] = [json.loads(r.message) for r in decision.reasons if r.rule == "repo.leak"]
    assert "FIXBOT_WEBHOOK_SECRET" not in env and "GITHUB_TOKEN" not in env and "PATH" not in env
    assert SECRET not in repr(decision) and TOKEN not in repr(decision)


def test_a_memory_bomb_is_stopped_and_fails_closed() -> None:
    engine = load_engine(
        repo_policy_texts={"bomb.rego": repo_rule('sprintf("%d", [count(numbers.range(1, 30000000))])')}
    )
    started = time.monotonic()
    with pytest.raises(PolicyError, match="repository policy evaluation stopped: it exceeded the memory limit"):
        engine.evaluate([pi()])
    assert time.monotonic() - started < sandbox.DEFAULT_LIMITS.wall_seconds


def test_cpu_and_wall_clock_limits() -> None:
    def spin() -> None:
        while True:
            pass

    with pytest.raises(PolicyError, match="CPU time limit"):
        sandbox.run(spin, sandbox.Limits(cpu_seconds=1, wall_seconds=10))
    with pytest.raises(PolicyError, match="wall-clock limit"):
        sandbox.run(lambda: time.sleep(30), sandbox.Limits(cpu_seconds=5, wall_seconds=0.5))


def test_large_batches_are_chunked_and_keep_their_order() -> None:
    engine = load_engine(repo_policy_texts={"echo.rego": repo_rule("item.resource_type")})
    items = [pi(resource_type=f"aws_s3_bucket_{i}") for i in range(1100)]  # three sandboxed chunks
    decisions = engine.evaluate(items)
    echoed = [[r.message for r in d.reasons if r.rule == "repo.leak"] for d in decisions]
    assert echoed == [[f"aws_s3_bucket_{i}"] for i in range(1100)]


def test_fix_with_a_leaking_repo_policy_exits_2_and_publishes_nothing(
    tmp_path: Path, secrets: None, capsys: pytest.CaptureFixture[str]
) -> None:
    leak = repo_rule("opa.runtime().env.FIXBOT_WEBHOOK_SECRET")
    repo = make_repo(
        tmp_path / "repo",
        {"main.tf": 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n}\n', ".fixbot/policies/leak.rego": leak},
    )
    assert main(["fix", str(repo), "--no-checkov"]) == 2
    err = capsys.readouterr().err
    assert ".fixbot/policies/leak.rego" in err and "opa.runtime" in err
    forge_json = repo / ".git" / "fixbot" / "forge.json"
    published = forge_json.read_text() if forge_json.exists() else ""
    audit = git(repo, "log", "--format=%B", AUDIT_REF) if _has_ref(repo, AUDIT_REF) else ""
    for text in (err, published, audit):
        assert SECRET not in text and TOKEN not in text
    assert not published or json.loads(published).get("prs", {}) in ({}, [])


def _has_ref(repo: Path, ref: str) -> bool:
    return bool(git(repo, "for-each-ref", ref).strip())
