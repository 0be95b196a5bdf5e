"""`.fixbot.yml` `verify:`: which events signal an apply, and unverified fixes retried with
backoff until a deadline, then reported as expired."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import RepoConfig, VerifySettings, parse_repo_config
from bot.errors import ConfigError
from bot.inventory import build_inventory
from bot.lifecycle.verify import verify_merged
from bot.lifecycle.verify_schedule import backoff, deployment_signals_apply, workflow_signals_apply
from bot.provider import SimulatedProvider
from tests.bot.lifecycle.test_verify_revert import RuleCheck, _merged

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_named_workflow_and_environment_replace_the_apply_deploy_word_match() -> None:
    legacy = VerifySettings()
    assert workflow_signals_apply(legacy, "Terraform Apply") and not workflow_signals_apply(legacy, "lint")
    named = VerifySettings(workflow_run=["infra / plan and ship"])
    assert workflow_signals_apply(named, "Infra / plan and ship")
    assert not workflow_signals_apply(named, "terraform apply")  # named: no more guessing from words
    env = VerifySettings(deployment_status=["production"])
    assert deployment_signals_apply(env, "Production") and not deployment_signals_apply(env, "staging")
    assert not workflow_signals_apply(env, "deploy")  # only the named environment signals the apply


def test_verify_settings_are_validated_with_a_hint() -> None:
    cfg = parse_repo_config({"verify": {"provider": "aws", "workflow_run": ["apply"]}}, ".fixbot.yml")
    assert cfg.verify.provider == "aws" and RepoConfig().verify.provider == "simulated"
    with pytest.raises(ConfigError, match=r"verify\.workflow_runs") as err:
        parse_repo_config({"verify": {"workflow_runs": ["apply"]}}, ".fixbot.yml")
    assert "workflow_run" in str(err.value)


def test_backoff_doubles_up_to_its_cap() -> None:
    cfg = VerifySettings(retry_minutes=5, max_retry_minutes=30)
    assert [backoff(cfg, n).seconds // 60 for n in (1, 2, 3, 4, 5)] == [5, 10, 20, 30, 30]


def test_unverifiable_fixes_are_retried_after_backoff_then_expire(repo: Path, tmp_path: Path) -> None:
    lc, _ = _merged(repo)
    nothing = SimulatedProvider(tmp_path / "never-applied.json")
    inv = build_inventory(repo, RepoConfig())
    cfg = VerifySettings(retry_minutes=10, deadline_hours=1)

    def run(at: datetime) -> list[str]:
        return [r.status for r in verify_merged(lc, nothing, repo, inv, RuleCheck(), retry=cfg, now=at)]

    assert run(T0) == ["unverifiable"]
    assert run(T0 + timedelta(minutes=5)) == ["waiting"]  # backoff: 10 minutes after the first attempt
    assert run(T0 + timedelta(minutes=11)) == ["unverifiable"]
    assert run(T0 + timedelta(minutes=25)) == ["waiting"]  # then 20
    assert run(T0 + timedelta(minutes=61)) == ["expired"]
    assert run(T0 + timedelta(hours=5)) == []  # reported once, no longer retried
    st = lc.state.get("aws_s3_bucket.dev")
    assert st is not None and st.status == "verify_expired" and st.verify_attempts == 2
