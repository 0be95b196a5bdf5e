"""The lifecycle verifies merged fixes against moto's server: verified with evidence in the PR and
the audit; drift reverts; a resource the cloud does not have is unverifiable (its own record)."""

from __future__ import annotations

from pathlib import Path

from bot.config import RepoConfig
from bot.forge.base import PrState
from bot.gitstore.gitops import export_tree
from bot.inventory import build_inventory
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.verify import VerifyResult, verify_merged
from bot.models.decision import Outcome
from bot.provider.aws.provider import AwsProvider
from bot.provider.aws.session import AwsContext
from tests.bot.lifecycle.test_verify_revert import RuleCheck
from tests.harness.aws_apply import apply, clients
from tests.harness.gitrepo import git, make_repo
from tests.harness.lifecycle import FakePolicy, assessment, make_lifecycle

CHECK = "s3_acl_not_public"

BEFORE = 'resource "aws_s3_bucket" "dev" {\n  bucket = "acme-dev"\n  acl    = "public-read"\n}\n'
AFTER = 'resource "aws_s3_bucket" "dev" {\n  bucket = "acme-dev"\n  acl    = "private"\n}\n'


def _merged(tmp: Path) -> tuple[Lifecycle, Path]:
    repo = make_repo(tmp / "repo", {"dev/main.tf": BEFORE})
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.allow})
    lc = make_lifecycle(repo, policy)
    scan = policy.decide_all([assessment("aws_s3_bucket.dev", "dev/main.tf", BEFORE, AFTER, provider_check=CHECK)])
    assert run_fix(lc, scan, Options()).results[0].status == "merged"
    return lc, repo


def _verify(lc: Lifecycle, repo: Path, endpoint: str, create: bool = True,
            drift: bool = False) -> list[VerifyResult]:
    dest = repo.parent / f"snap{len(list(repo.parent.iterdir()))}"
    snap = export_tree(lc.forge.repo, lc.forge.head_sha("main") or "", dest)  # type: ignore[attr-defined]
    inventory = build_inventory(snap, RepoConfig())
    if create:
        c = clients(endpoint)
        apply(c, inventory.resources)
        if drift:
            c("s3").put_bucket_acl(Bucket="acme-dev", ACL="public-read")
    ctx = AwsContext.from_environment(region="eu-west-1", endpoint_url=endpoint)
    return verify_merged(lc, AwsProvider(ctx, snap, inventory.resources), snap, inventory, RuleCheck())


def test_verified_on_the_live_bucket_with_the_evidence_in_the_pr_and_the_audit(aws: str, tmp_path: Path) -> None:
    lc, repo = _merged(tmp_path)
    (res,) = _verify(lc, repo, aws)
    assert res.status == "verified", res.detail
    assert res.checks[0]["live_id"] == "acme-dev" and res.checks[0]["evidence"]["public_grants"] == []
    record = git(repo, "log", "-1", "--format=%B", "refs/fixbot/audit")
    assert "Fixbot-Verification: passed" in record and "Fixbot-Provider: aws" in record
    assert "Fixbot-Check-1: s3_acl_not_public on aws_s3_bucket.dev (acme-dev): verified" in record
    comment = lc.forge.list_comments(res.pr)[-1].body
    assert "| `s3_acl_not_public` | `aws_s3_bucket.dev` | acme-dev | **verified** |" in comment


def test_drift_on_the_live_bucket_fails_and_opens_the_revert_pr(aws: str, tmp_path: Path) -> None:
    lc, repo = _merged(tmp_path)
    (res,) = _verify(lc, repo, aws, drift=True)
    assert res.status == "failed" and "AllUsers:READ" in res.detail
    assert lc.forge.get_pr(res.revert_pr or 0).state == PrState.merged
    assert lc.state.get("aws_s3_bucket.dev").status == "requeued"  # type: ignore[union-attr]
    assert "public_grants=" in git(repo, "log", "-1", "--format=%B", "main^2")


def test_a_bucket_the_cloud_does_not_have_is_unverifiable_never_verified(aws: str, tmp_path: Path) -> None:
    lc, repo = _merged(tmp_path)
    (res,) = _verify(lc, repo, aws, create=False)
    assert (res.status == "unverifiable" and "not_found" in res.detail) or "not found" in res.detail
    st = lc.state.get("aws_s3_bucket.dev")
    assert st is not None and st.status == "unverifiable" and st.verify_attempts == 1
    events = git(repo, "log", "--format=%s", "refs/fixbot/audit").splitlines()
    assert sum(e.endswith("unverifiable") for e in events) == 1 and not any(e.endswith("verified") for e in events)
    assert len(lc.forge.list_prs()) == 1  # no revert
    # retried on the next run: the same answer is not recorded twice; once the bucket exists, verified
    _verify(lc, repo, aws, create=False)
    assert git(repo, "log", "--format=%s", "refs/fixbot/audit").splitlines() == events
    assert lc.state.get("aws_s3_bucket.dev").verify_attempts == 2  # type: ignore[union-attr]
    (again,) = _verify(lc, repo, aws)
    assert again.status == "verified"
