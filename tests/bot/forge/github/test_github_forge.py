"""GitHubForge against the contract-checked stand-in (real git repositories behind it)."""

from __future__ import annotations

import pytest

from bot.errors import ConflictError, ForgeError
from bot.forge.base import CheckConclusion, FileChange, Forge, PrState, ReviewState
from bot.forge.github.permissions import NEEDS, OPEN_FIX
from tests.harness.github_standin.world import World

FIXED = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  acl    = "private"\n}\n'


def open_fix(w: World, branch: str = "fixbot/s3-logs", content: str = FIXED) -> tuple[int, str]:
    forge = w.forge()
    with forge.action("open-fix", OPEN_FIX):
        head = forge.head_sha("main")
        assert head is not None
        forge.create_branch(branch, head)
        sha = forge.commit(branch, "fix(s3): make logs private", [FileChange(path="main.tf", content=content)],
                           {"Fixbot-Rule": "CKV_AWS_20"}, expected_head=head)
        pr = forge.open_pr(branch, "main", "fix(s3): make logs private", "body", ["fixbot"])
    return pr.number, sha


def test_forge_satisfies_the_protocol(w: World) -> None:
    assert isinstance(w.forge(), Forge)
    assert set(NEEDS) >= {m for m in dir(Forge) if not m.startswith("_") and m != "name"}


def test_single_file_fix_pr_takes_six_calls_under_one_scoped_revoked_token(w: World) -> None:
    start = len(w.gh.state.requests)
    number, sha = open_fix(w)
    calls = w.gh.api_calls(start)
    assert len(calls) <= 6, calls
    pr = w.repo.issues[number]
    assert (pr.head, pr.base, pr.labels) == ("fixbot/s3-logs", "main", ["fixbot"])
    info = w.repo.store.commit_info(sha)
    assert info.author == "fixbot[bot]" and "Fixbot-Rule: CKV_AWS_20" in info.message
    assert w.repo.store.read_path(sha, "main.tf") == FIXED.encode()
    (token,) = w.gh.tokens()
    assert token.repository_ids == (w.repo.id,) and token.permissions == OPEN_FIX and token.revoked


def test_operation_outside_the_actions_grant_is_refused_before_any_request(w: World) -> None:
    forge = w.forge()
    with forge.action("read", {"pull_requests": "read"}):
        start = len(w.gh.state.requests)
        with pytest.raises(ForgeError, match="outside this action's grant"):
            forge.comment(1, "hi")
        assert w.gh.state.requests[start:] == []
    assert all(t.revoked for t in w.gh.tokens())


def test_each_operation_alone_gets_its_own_least_privilege_token(w: World) -> None:
    forge = w.forge()
    assert forge.user_permission("alice") == "write"
    assert forge.read_file("main.tf", "main") is not None
    perms = [t.permissions for t in w.gh.tokens()]
    assert perms == [{"metadata": "read"}, {"contents": "read"}]
    assert all(t.revoked and t.repository_ids == (w.repo.id,) for t in w.gh.tokens())


def test_token_is_revoked_when_the_action_fails(w: World) -> None:
    forge = w.forge()
    with pytest.raises(RuntimeError), forge.action("boom", OPEN_FIX):
        forge.head_sha("main")
        raise RuntimeError("action failed")
    assert [t.revoked for t in w.gh.tokens()] == [True]


def test_merge_only_when_checks_are_green_on_the_exact_head(w: World) -> None:
    number, sha = open_fix(w)
    w.gh.protect(w.repo, "main", ["plan"])
    forge = w.forge()
    w.gh.set_check(w.repo, sha, "plan", "failure")
    with pytest.raises(ConflictError, match="not green"):
        forge.merge(number, sha, "merge fix", {"Fixbot-PR": str(number)})
    with pytest.raises(ConflictError, match="not the approved"):
        forge.merge(number, "0" * 40, "merge fix", {})
    w.gh.set_check(w.repo, sha, "plan", "success")
    w.repo.checks = [c for c in w.repo.checks if c.conclusion == "success"]
    merged = forge.merge(number, sha, "merge fix", {"Fixbot-PR": str(number)})
    assert w.repo.store.ref("heads/main") == merged
    assert "Fixbot-PR: 1" in w.repo.store.commit_info(merged).message
    assert forge.get_pr(number).state is PrState.merged


def test_branch_protection_refusal_is_a_conflict(w: World) -> None:
    number, sha = open_fix(w)
    w.gh.protect(w.repo, "main", ["apply-plan"])  # required check never ran: GitHub answers 405
    with pytest.raises(ConflictError, match="405"):
        w.forge().merge(number, sha, "merge", {})
    assert w.repo.issues[number].state == "open"


def test_merge_conflict_is_a_conflict(w: World) -> None:
    number, sha = open_fix(w)
    w.gh.push(w.repo, "main", {"main.tf": "# rewritten by a human\n"})
    with pytest.raises(ConflictError):
        w.forge().merge(number, sha, "merge", {})


def test_duplicate_branch_is_a_conflict(w: World) -> None:
    open_fix(w)
    with pytest.raises(ConflictError, match="422"):
        open_fix(w)


def test_commit_refuses_paths_outside_the_repository(w: World) -> None:
    forge = w.forge()
    with forge.action("open-fix", OPEN_FIX):
        head = forge.head_sha("main")
        assert head
        forge.create_branch("fixbot/evil", head)
        with pytest.raises(ForgeError, match="refusing to write"):
            forge.commit("fixbot/evil", "x", [FileChange(path="../etc/passwd", content="x")], {})


def test_revert_branch_restores_the_files_the_merge_changed(w: World) -> None:
    number, sha = open_fix(w)
    forge = w.forge()
    merged = forge.merge(number, sha, "merge", {})
    before = w.repo.store.read_path(f"{merged}^", "main.tf")
    rsha = forge.revert_branch(merged, "fixbot/revert-1", "revert fix", {"Fixbot-Reverts": merged})
    assert w.repo.store.ref("heads/fixbot/revert-1") == rsha
    assert w.repo.store.read_path(rsha, "main.tf") == before
    assert w.repo.store.commit_info(rsha).parents == (merged,)


def test_reviews_reviewers_files_comments_and_listing(w: World) -> None:
    number, sha = open_fix(w)
    forge = w.forge()
    forge.request_review(number, ["alice", "fixbot[bot]"], ["@octo-org/platform"])
    assert forge.get_pr(number).requested_reviewers == ("alice", "@octo-org/platform")
    w.gh.approve(w.repo, number, "alice")
    (review,) = forge.list_reviews(number)
    assert (review.user, review.state, review.commit_sha) == ("alice", ReviewState.approved, sha)
    assert forge.changed_files(number) == ["main.tf"]
    forge.comment(number, "hello")
    assert [c.body for c in forge.list_comments(number)] == ["hello"]
    assert [p.number for p in forge.list_prs(PrState.open)] == [number]
    forge.set_check(sha, "fixbot/verify", CheckConclusion.success, "ok")
    w.gh.set_status(w.repo, sha, "ci", "pending")
    checks = {c.name: c.conclusion for c in forge.list_checks(sha)}
    assert checks == {"fixbot/verify": CheckConclusion.success, "ci": CheckConclusion.pending}
    forge.close(number, "superseded")
    assert forge.get_pr(number).state is PrState.closed
    assert forge.user_permission("mallory") == "none"


def test_review_request_refused_for_a_non_collaborator_becomes_a_comment(w: World) -> None:
    number, _sha = open_fix(w)
    forge = w.forge()
    forge.request_review(number, ["mallory"])  # GitHub answers 422: not a collaborator
    assert forge.get_pr(number).requested_reviewers == ()
    (note,) = forge.list_comments(number)
    assert note.body.startswith("Review needed from the code owners: @mallory.")
