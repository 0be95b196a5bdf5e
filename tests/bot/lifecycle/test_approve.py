from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ForgeError
from bot.forge.base import PrState, ReviewState
from bot.forge.local import LocalForge
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.review import on_review
from bot.models.decision import Outcome
from tests.bot.lifecycle.conftest import PROD, PROD_FIXED
from tests.harness.gitrepo import git, human_commit
from tests.harness.lifecycle import FakePolicy, assessment, make_lifecycle

OWNERS = {"prod/main.tf": ("@org/payments",)}


def _pending(repo: Path) -> tuple[Lifecycle, LocalForge, FakePolicy, int]:
    policy = FakePolicy({"aws_s3_bucket.prod": Outcome.require_approval})
    lc = make_lifecycle(repo, policy, owners=OWNERS)
    forge = lc.forge
    assert isinstance(forge, LocalForge)
    forge.set_team("org/payments", ["carol"])
    scan = policy.decide_all([assessment("aws_s3_bucket.prod", "prod/main.tf", PROD, PROD_FIXED)])
    number = run_fix(lc, scan, Options()).results[0].pr
    assert number is not None
    return lc, forge, policy, number


def test_code_owner_approval_merges_with_policy_reevaluated(repo: Path) -> None:
    lc, forge, policy, number = _pending(repo)
    forge.add_review(number, "carol", ReviewState.approved)
    policy.version = "test-v2"
    result = on_review(lc, number)
    assert result.status == "merged" and result.approver == "carol"
    assert policy.calls[-1]["approved_by_owner"] is True
    msg = git(repo, "log", "-1", "--format=%B", "main")
    assert "Fixbot-Approved-By: carol" in msg and "Fixbot-Policy-Version: test-v2" in msg
    assert forge.read_file("prod/main.tf", "main") == PROD_FIXED
    assert lc.state.get("aws_s3_bucket.prod").status == "merged"  # type: ignore[union-attr]
    audit = git(repo, "log", "--format=%B", "refs/fixbot/audit")
    assert "re-evaluated at merge time" in audit  # the policy version changed since the PR opened


def test_non_owner_approval_does_not_merge(repo: Path) -> None:
    lc, forge, _, number = _pending(repo)
    forge.add_review(number, "mallory", ReviewState.approved)
    result = on_review(lc, number)
    assert result.status == "awaiting_approval"
    assert "mallory does not own prod/main.tf (owners: @org/payments)" in result.detail
    assert forge.get_pr(number).state == PrState.open


def test_the_bot_cannot_approve_itself(repo: Path) -> None:
    lc, forge, _, number = _pending(repo)
    forge.set_team("org/payments", ["carol", "fixbot[bot]"])  # even as a team member
    forge.add_review(number, "fixbot[bot]", ReviewState.approved)
    result = on_review(lc, number)
    assert result.status == "awaiting_approval" and "cannot approve its own change" in result.detail


def test_push_after_approval_voids_it(repo: Path) -> None:
    lc, forge, _, number = _pending(repo)
    forge.add_review(number, "carol", ReviewState.approved)
    human_commit(repo, forge.get_pr(number).head, {"prod/extra.tf": "# sneaky\n"})
    result = on_review(lc, number)
    assert result.status == "awaiting_approval"
    assert "a push after approval voids it" in result.detail
    assert forge.read_file("prod/extra.tf", "main") is None


def test_stale_approval_of_an_older_head_does_not_count(repo: Path) -> None:
    lc, forge, _, number = _pending(repo)
    old = forge.get_pr(number).head_sha
    human_commit(repo, forge.get_pr(number).head, {"prod/main.tf": PROD_FIXED + "# tweak\n"})
    forge.add_review(number, "carol", ReviewState.approved, commit_sha=old)
    assert on_review(lc, number).status == "awaiting_approval"
    forge.add_review(number, "carol", ReviewState.approved)  # re-approves the current head
    assert on_review(lc, number).status == "merged"


def test_policy_denying_at_merge_time_closes_the_pr(repo: Path) -> None:
    lc, forge, policy, number = _pending(repo)
    forge.add_review(number, "carol", ReviewState.approved)
    policy.outcomes["aws_s3_bucket.prod"] = Outcome.deny
    assert on_review(lc, number).status == "denied"
    assert forge.get_pr(number).state == PrState.closed
    assert "test.deny" in forge.list_comments(number)[-1].body
    assert forge.read_file("prod/main.tf", "main") == PROD


def test_unknown_pr_is_an_error(repo: Path) -> None:
    lc, _, _, _ = _pending(repo)
    with pytest.raises(ForgeError):
        on_review(lc, 99)
