from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.config import RepoConfig
from bot.forge.base import PrState
from bot.gitstore.gitops import export_tree
from bot.inventory import build_inventory
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.merge import REQUEUE_RULE
from bot.lifecycle.verify import verify_merged
from bot.models.decision import Outcome
from bot.provider import SimulatedProvider, apply_simulated, inject_drift, state_path
from tests.bot.lifecycle.conftest import DEV, DEV_FIXED
from tests.harness.gitrepo import git
from tests.harness.lifecycle import FakePolicy, assessment, make_lifecycle

CHECK = "s3_acl_not_public"


class RuleCheck:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], list[str]]] = []

    def __call__(self, root: Path, files: Sequence[str], rules: Sequence[str]) -> set[tuple[str, str, str]]:
        self.calls.append((list(files), list(rules)))
        return set()


def _merged(repo: Path) -> tuple[Lifecycle, FakePolicy]:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.allow})
    lc = make_lifecycle(repo, policy)
    scan = policy.decide_all([assessment("aws_s3_bucket.dev", "dev/main.tf", DEV, DEV_FIXED, provider_check=CHECK)])
    assert run_fix(lc, scan, Options()).results[0].status == "merged"
    return lc, policy


def _apply(lc: Lifecycle, tmp: Path, drift: str | None = None) -> tuple[SimulatedProvider, Path]:
    forge = lc.forge
    sha = forge.head_sha("main") or ""
    snap = export_tree(forge.repo, sha, tmp)  # type: ignore[attr-defined]
    path = state_path(forge.state_dir)  # type: ignore[attr-defined]
    apply_simulated(path, build_inventory(snap, RepoConfig()), sha)
    if drift:
        inject_drift(path, drift)
    return SimulatedProvider(path), snap


def test_verified_after_apply(repo: Path, tmp_path: Path) -> None:
    lc, _ = _merged(repo)
    provider, snap = _apply(lc, tmp_path / "snap")
    rule_check = RuleCheck()
    results = verify_merged(lc, provider, snap, build_inventory(snap, RepoConfig()), rule_check)
    assert [(r.resource, r.ok) for r in results] == [("aws_s3_bucket.dev", True)]
    assert rule_check.calls == [(["dev/main.tf"], ["CKV_AWS_20"])]
    assert lc.state.get("aws_s3_bucket.dev").status == "verified"  # type: ignore[union-attr]
    assert "Fixbot-Verification: passed" in git(repo, "log", "-1", "--format=%B", "refs/fixbot/audit")
    assert verify_merged(lc, provider, snap, build_inventory(snap, RepoConfig()), rule_check) == []


def test_drift_fails_verification_reverts_and_requeues(repo: Path, tmp_path: Path) -> None:
    lc, policy = _merged(repo)
    provider, snap = _apply(lc, tmp_path / "snap", drift="aws_s3_bucket.dev:acl=public-read")
    results = verify_merged(lc, provider, snap, build_inventory(snap, RepoConfig()), RuleCheck())
    (res,) = results
    assert not res.ok and "acl" in res.detail and res.revert_status == "merged"
    revert = lc.forge.get_pr(res.revert_pr or 0)
    assert revert.state == PrState.merged and revert.head.startswith("fixbot/revert/")
    assert lc.forge.read_file("dev/main.tf", "main") == DEV
    msg = git(repo, "log", "-1", "--format=%B", "main")
    assert "Merge fixbot PR #2" in msg and "Fixbot-Reverts:" in msg
    assert "Fixbot-Verification: failed" in git(repo, "log", "-1", "--format=%B", "main^2")
    events = [line for line in git(repo, "log", "--format=%s", "refs/fixbot/audit").splitlines()]
    assert any(e.endswith("verify_failed") for e in events) and any(e.endswith("reverted") for e in events)
    st = lc.state.get("aws_s3_bucket.dev")
    assert st is not None and st.status == "requeued" and st.failures
    # the finding re-enters the queue: proposed again, with the failure attached, never auto-merged
    scan = policy.decide_all([assessment("aws_s3_bucket.dev", "dev/main.tf", DEV, DEV_FIXED, provider_check=CHECK)])
    again = run_fix(lc, scan, Options()).results[0]
    assert again.status == "awaiting_approval" and REQUEUE_RULE in again.rules
    body = lc.forge.get_pr(again.pr or 0).body
    assert "Earlier attempts" in body and "acl" in body


def test_a_merge_not_applied_yet_waits_instead_of_reverting(repo: Path, tmp_path: Path) -> None:
    lc, _ = _merged(repo)
    provider, snap = _apply(lc, tmp_path / "snap", drift="aws_s3_bucket.dev:acl=public-read")
    results = verify_merged(lc, provider, snap, build_inventory(snap, RepoConfig()), RuleCheck(),
                            applied=lambda sha: False)
    assert [(r.status, r.revert_pr) for r in results] == [("not_applied", None)]
    assert lc.state.get("aws_s3_bucket.dev").status == "merged"  # type: ignore[union-attr]
    assert len(lc.forge.list_prs()) == 1
