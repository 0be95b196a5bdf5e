from __future__ import annotations

from pathlib import Path

from bot.audit.log import AuditLog
from bot.forge.base import CheckConclusion, PrState
from bot.forge.local import LocalForge
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.items import group_items
from bot.lifecycle.naming import decode_meta, fix_branch
from bot.lifecycle.prs import build_branch
from bot.models.decision import Outcome
from tests.bot.lifecycle.conftest import DEV, DEV_FIXED, PROD, PROD_FIXED
from tests.harness.gitrepo import git, human_commit
from tests.harness.lifecycle import FakeChecker, FakePolicy, assessment, make_lifecycle

OWNERS = {"prod/main.tf": ("@org/payments", "@carol")}


def _scan(policy: FakePolicy, dev: str = DEV, prod: str = PROD):
    return policy.decide_all([
        assessment("aws_s3_bucket.dev", "dev/main.tf", dev, DEV_FIXED, score=0.3),
        assessment("aws_s3_bucket.prod", "prod/main.tf", prod, PROD_FIXED, score=0.9),
    ])


def _events(repo: Path) -> list[str]:
    forge = LocalForge(repo)
    return [r.event for r in AuditLog(forge.repo, forge.state_dir).records()]


def test_allow_merges_and_approval_waits(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.allow, "aws_s3_bucket.prod": Outcome.require_approval})
    lc = make_lifecycle(repo, policy, owners=OWNERS)
    report = run_fix(lc, _scan(policy), Options())
    by_res = {r.resource: r for r in report.results}
    assert by_res["aws_s3_bucket.dev"].status == "merged"
    assert by_res["aws_s3_bucket.prod"].status == "awaiting_approval"
    forge = lc.forge
    assert forge.read_file("dev/main.tf", "main") == DEV_FIXED
    assert forge.read_file("prod/main.tf", "main") == PROD
    prod_pr = forge.get_pr(by_res["aws_s3_bucket.prod"].pr or 0)
    assert prod_pr.requested_reviewers == ("carol", "@org/payments")
    assert prod_pr.head == fix_branch("block_public_s3_access", "aws_s3_bucket.prod")
    merge_msg = git(repo, "log", "-1", "--format=%B", "main")
    for key in ("Fixbot-Finding", "Fixbot-Rule", "Fixbot-Action", "Fixbot-Decision: allow",
                "Fixbot-Policy-Version: test-v1", "Fixbot-Risk: 0.30", "Fixbot-Approved-By: policy (allow)",
                "Fixbot-Verification: pending"):
        assert key in merge_msg
    branch_msg = git(repo, "log", "-1", "--format=%B", prod_pr.head_sha)
    assert "Fixbot-Approved-By: pending" in branch_msg and "Fixbot-Decision: require_approval" in branch_msg
    # the checked-out main follows the merge (never a staged "revert" of it); nothing else changes
    assert (repo / "dev" / "main.tf").read_text() == DEV_FIXED and git(repo, "status", "--porcelain") == ""
    events = _events(repo)
    assert events.count("decision") == 2 and "merged" in events and events.count("pr_opened") == 2


def test_checks_failing_blocks_the_merge(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.allow, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy, checker=FakeChecker(ok=False))
    res = {r.resource: r for r in run_fix(lc, _scan(policy), Options()).results}["aws_s3_bucket.dev"]
    assert res.status == "checks_failed"
    pr = lc.forge.get_pr(res.pr or 0)
    assert pr.state == PrState.open
    assert [c.conclusion for c in lc.forge.list_checks(pr.head_sha)] == [CheckConclusion.failure]


def test_deny_opens_nothing_and_closes_an_open_pr(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy, owners=OWNERS)
    run_fix(lc, _scan(policy), Options())
    assert [p.head for p in lc.forge.list_prs()] == [fix_branch("block_public_s3_access", "aws_s3_bucket.dev")]
    assert "Fixbot-Decision: deny" in git(repo, "log", "--format=%B", "refs/fixbot/audit")
    policy.outcomes["aws_s3_bucket.dev"] = Outcome.deny  # the policy changed
    report = run_fix(lc, _scan(policy), Options())
    assert {r.status for r in report.results} == {"denied"}
    pr = lc.forge.list_prs()[0]
    assert pr.state == PrState.closed and pr.closed_by is None
    assert "test.deny" in lc.forge.list_comments(pr.number)[0].body
    assert lc.forge.head_sha(pr.head) is None


def test_rerun_is_idempotent(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy, owners=OWNERS)
    run_fix(lc, _scan(policy), Options())
    before = (_events(repo), git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"))
    report = run_fix(lc, _scan(policy), Options())
    after = (_events(repo), git(repo, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"))
    assert len(lc.forge.list_prs()) == 1
    assert [r.status for r in report.results] == ["denied", "awaiting_approval"]
    assert after == before


def test_closed_by_human_is_not_reopened_unless_asked(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    forge = lc.forge
    assert isinstance(forge, LocalForge)
    forge.close(1, "not now", by="alice")
    report = run_fix(lc, _scan(policy), Options())
    dev = {r.resource: r for r in report.results}["aws_s3_bucket.dev"]
    assert dev.status == "closed_by_human" and "alice" in dev.detail
    assert len(forge.list_prs()) == 1
    report = run_fix(lc, _scan(policy), Options(reopen=True))
    assert [p.state for p in forge.list_prs()] == [PrState.closed, PrState.open]


def test_disappeared_finding_closes_its_pr(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.require_approval})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    only_prod = [a for a in _scan(policy) if a.finding.resource == "aws_s3_bucket.prod"]
    report = run_fix(lc, only_prod, Options())
    assert [(c.resource, c.status) for c in report.closed] == [("aws_s3_bucket.dev", "closed_disappeared")]
    dev_pr = lc.forge.get_pr(report.closed[0].pr or 0)
    assert dev_pr.state == PrState.closed
    assert "no longer reported" in lc.forge.list_comments(dev_pr.number)[-1].body


def test_crash_between_branch_and_pr_record_recovers(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    items = group_items(_scan(policy))
    dev = next(i for i in items if i.resource == "aws_s3_bucket.dev")
    build_branch(lc, dev, lc.forge.head_sha("main") or "")  # ...and the process dies here
    assert lc.forge.list_prs() == []
    run_fix(lc, _scan(policy), Options())
    prs = lc.forge.list_prs()
    assert len(prs) == 1 and prs[0].head == dev.branch
    assert lc.forge.read_file("dev/main.tf", prs[0].head_sha) == DEV_FIXED
    assert git(repo, "branch", "--list", "fixbot/*").count("\n") == 1


def test_base_moved_on_the_same_file_recreates_the_pr(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    moved = DEV.replace("}\n", "  tags = { team = \"x\" }\n}\n")
    human_commit(repo, "main", {"dev/main.tf": moved})
    fixed = DEV_FIXED.replace("}\n", "  tags = { team = \"x\" }\n}\n")
    scan = [a for a in _scan(policy, dev=moved) if a.finding.resource == "aws_s3_bucket.dev"]
    plan = scan[0].plan
    assert plan is not None
    edited = plan.model_copy(update={"edits": (plan.edits[0].model_copy(update={"after": fixed}),)})
    scan = [scan[0].model_copy(update={"plan": edited})]
    run_fix(lc, scan, Options())
    old, new = lc.forge.list_prs()
    assert old.state == PrState.closed and "Superseded" in lc.forge.list_comments(old.number)[0].body
    assert new.state == PrState.open
    meta = decode_meta(new.body)
    assert meta is not None and meta.base_sha == lc.forge.head_sha("main")
    assert lc.forge.read_file("dev/main.tf", new.head_sha) == fixed


def test_base_moved_elsewhere_keeps_the_pr_and_it_still_merges(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    human_commit(repo, "main", {"README.md": "moved\n"})
    policy.outcomes["aws_s3_bucket.dev"] = Outcome.allow
    report = run_fix(lc, _scan(policy), Options())
    assert [p.number for p in lc.forge.list_prs()] == [1]
    assert {r.resource: r.status for r in report.results}["aws_s3_bucket.dev"] == "merged"
    assert lc.forge.read_file("README.md", "main") == "moved\n"
    assert lc.forge.read_file("dev/main.tf", "main") == DEV_FIXED


def test_dry_run_changes_nothing(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.allow, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    report = run_fix(lc, _scan(policy), Options(dry_run=True))
    assert sorted(r.status for r in report.results) == ["denied", "would_open"]
    assert lc.forge.list_prs() == [] and _events(repo) == []


def test_mixed_decisions_on_one_resource_split_the_change(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev|CKV_AWS_20": Outcome.allow, "aws_s3_bucket.dev|CKV_AWS_21": Outcome.deny,
                         "aws_s3_bucket.dev|CKV_AWS_18": Outcome.require_approval})
    lc = make_lifecycle(repo, policy)
    rules = ("CKV_AWS_20", "CKV_AWS_21", "CKV_AWS_18")
    found = [assessment("aws_s3_bucket.dev", "dev/main.tf", DEV, DEV_FIXED + f"# {r}\n", rule=r) for r in rules]
    shared = found[0].plan.model_copy(update={"finding_ids": tuple(a.finding.id for a in found)})  # type: ignore[union-attr]
    found = [a.model_copy(update={"plan": shared.model_copy(update={"action": a.plan.action})}) for a in found]  # type: ignore[union-attr]
    replanned: list[tuple[str, ...]] = []

    def replan(resource: str, subset):
        replanned.append(tuple(a.finding.rule_id for a in subset))
        plan = shared.model_copy(update={"finding_ids": tuple(a.finding.id for a in subset)})
        return [a.model_copy(update={"plan": plan}) for a in subset]

    report = run_fix(lc, policy.decide_all(found), Options(), replan)
    assert replanned == [("CKV_AWS_20",)]
    assert sorted((r.status, r.finding_ids) for r in report.results) == sorted([
        ("merged", (found[0].finding.id,)), ("denied", (found[1].finding.id,)), ("deferred", (found[2].finding.id,)),
    ])
    assert len(lc.forge.list_prs()) == 1


def test_merge_interrupted_before_bookkeeping_is_recovered(repo: Path) -> None:
    from bot.audit.verify import verify

    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.deny})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    pr = lc.forge.list_prs()[0]
    lc.forge.merge(pr.number, pr.head_sha, "merged, then the process died", {"Fixbot-Finding": "x"})
    log = AuditLog(lc.forge.repo, lc.forge.state_dir)  # type: ignore[attr-defined]
    assert any("has no audit record" in p.message for p in verify(log, "main"))
    run_fix(lc, [a for a in _scan(policy) if a.finding.resource == "aws_s3_bucket.prod"], Options())
    st = lc.state.get("aws_s3_bucket.dev")
    assert st is not None and st.status == "merged" and st.merge_sha == lc.forge.get_pr(pr.number).merge_sha
    late = [r for r in log.records() if r.event == "merged"]
    assert len(late) == 1 and "recorded late" in late[0].get("Fixbot-Detail")
    assert verify(log, "main") == []


def test_a_partial_run_does_not_close_prs_outside_its_scope(repo: Path) -> None:
    policy = FakePolicy({"aws_s3_bucket.dev": Outcome.require_approval, "aws_s3_bucket.prod": Outcome.require_approval})
    lc = make_lifecycle(repo, policy)
    run_fix(lc, _scan(policy), Options())
    only_prod = [a for a in _scan(policy) if a.finding.resource == "aws_s3_bucket.prod"]
    report = run_fix(lc, only_prod, Options(close_missing=False))
    assert report.closed == ()
    assert [p.state for p in lc.forge.list_prs()] == [PrState.open, PrState.open]
