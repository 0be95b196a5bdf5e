from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConflictError, ForgeError, InputError
from bot.forge.base import CheckConclusion, FileChange, Forge, PrState, ReviewState
from bot.forge.local import LocalForge
from tests.harness.gitrepo import git, human_commit, make_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"main.tf": 'resource "x" "y" {}\n', "README.md": "hi\n"})


def _pr(forge: LocalForge, files: dict[str, str | None], branch: str = "fixbot/fix/abc") -> int:
    base = forge.head_sha("main")
    assert base
    forge.create_branch(branch, base)
    changes = [FileChange(path=p, content=c) for p, c in files.items()]
    forge.commit(branch, "fix it", changes, {"Fixbot-Finding": "f1"})
    return forge.open_pr(branch, "main", "Fix it", "body").number


def test_is_a_forge(repo: Path) -> None:
    assert isinstance(LocalForge(repo), Forge)


def test_commit_leaves_worktree_and_index_alone(repo: Path) -> None:
    forge = LocalForge(repo)
    (repo / "scratch.txt").write_text("user work in progress\n")
    number = _pr(forge, {"main.tf": 'resource "x" "y" { a = 1 }\n'})
    assert git(repo, "status", "--porcelain") == "?? scratch.txt\n"
    assert (repo / "main.tf").read_text() == 'resource "x" "y" {}\n'
    pr = forge.get_pr(number)
    msg = git(repo, "log", "-1", "--format=%B", pr.head_sha)
    assert msg.startswith("fix it\n\nFixbot-Finding: f1")
    assert git(repo, "log", "-1", "--format=%an", pr.head_sha).strip() == "fixbot[bot]"
    assert forge.changed_files(number) == ["main.tf"]


def test_state_survives_a_restart(repo: Path) -> None:
    number = _pr(LocalForge(repo), {"main.tf": "changed\n"})
    LocalForge(repo).add_labels(number, ["fixbot", "security"])
    again = LocalForge(repo).get_pr(number)
    assert again.state == PrState.open and again.labels == ("fixbot", "security")
    assert (repo / ".git" / "fixbot" / "forge.json").is_file()


def test_merge_is_a_real_no_ff_merge_with_trailers(repo: Path) -> None:
    forge = LocalForge(repo)
    number = _pr(forge, {"main.tf": "changed\n"})
    before = forge.head_sha("main")
    head = forge.get_pr(number).head_sha
    sha = forge.merge(number, head, "Merge fix", {"Fixbot-Decision": "allow"})
    parents = git(repo, "log", "-1", "--format=%P", sha).split()
    assert parents == [before, head]
    assert "Fixbot-Decision: allow" in git(repo, "log", "-1", "--format=%B", sha)
    assert forge.get_pr(number).state == PrState.merged
    assert forge.head_sha("fixbot/fix/abc") is None  # head branch deleted
    assert forge.read_file("main.tf", "main") == "changed\n"
    assert forge.changed_files(number) == ["main.tf"]


def test_merge_refuses_an_unexpected_head(repo: Path) -> None:
    forge = LocalForge(repo)
    number = _pr(forge, {"main.tf": "changed\n"})
    checked = forge.get_pr(number).head_sha
    human_commit(repo, "fixbot/fix/abc", {"evil.tf": "x\n"})
    with pytest.raises(ConflictError, match="not the checked"):
        forge.merge(number, checked, "m", {})
    assert forge.get_pr(number).state == PrState.open


def test_merge_conflict_is_reported(repo: Path) -> None:
    forge = LocalForge(repo)
    number = _pr(forge, {"main.tf": "ours\n"})
    human_commit(repo, "main", {"main.tf": "theirs\n"})
    with pytest.raises(ConflictError, match=r"main\.tf"):
        forge.merge(number, forge.get_pr(number).head_sha, "m", {})


def test_commit_expected_head_and_unsafe_paths(repo: Path) -> None:
    forge = LocalForge(repo)
    forge.create_branch("b", forge.head_sha("main") or "")
    with pytest.raises(ConflictError):
        forge.commit("b", "m", [FileChange(path="a", content="1")], {}, expected_head="0" * 40)
    for bad in ("../x", "/etc/passwd", ".git/config"):
        with pytest.raises(InputError):
            forge.commit("b", "m", [FileChange(path=bad, content="1")], {})
    with pytest.raises(ConflictError):
        forge.create_branch("b", forge.head_sha("main") or "")


def test_reviews_checks_comments_close(repo: Path) -> None:
    forge = LocalForge(repo)
    number = _pr(forge, {"main.tf": "changed\n"})
    head = forge.get_pr(number).head_sha
    forge.request_review(number, ["alice"], ["org/platform"])
    forge.add_review(number, "alice", ReviewState.approved)
    forge.set_check(head, "fixbot/checkov", CheckConclusion.pending)
    forge.set_check(head, "fixbot/checkov", CheckConclusion.success, "ok")
    assert forge.get_pr(number).requested_reviewers == ("alice", "@org/platform")
    assert [(r.user, r.commit_sha) for r in forge.list_reviews(number)] == [("alice", head)]
    assert [(c.name, c.conclusion) for c in forge.list_checks(head)] == [("fixbot/checkov", CheckConclusion.success)]
    forge.close(number, "closing: gone", by="bob")
    pr = forge.get_pr(number)
    assert pr.state == PrState.closed and pr.closed_by == "bob"
    assert [c.body for c in forge.list_comments(number)] == ["closing: gone"]
    assert forge.head_sha("fixbot/fix/abc") is not None  # a human close keeps the branch


def test_revert_branch_undoes_the_merge(repo: Path) -> None:
    forge = LocalForge(repo)
    number = _pr(forge, {"main.tf": "changed\n", "new.tf": "n\n"})
    merge = forge.merge(number, forge.get_pr(number).head_sha, "m", {})
    sha = forge.revert_branch(merge, "fixbot/revert/x", "Revert fix", {"Fixbot-Reverts": merge})
    assert forge.read_file("main.tf", sha) == 'resource "x" "y" {}\n'
    assert forge.read_file("new.tf", sha) is None
    assert f"Fixbot-Reverts: {merge}" in git(repo, "log", "-1", "--format=%B", sha)
    assert git(repo, "worktree", "list").count("\n") == 1  # temp worktree removed


def test_unknown_pr_and_not_a_repo(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(ForgeError, match="#42"):
        LocalForge(repo).get_pr(42)
    with pytest.raises(InputError, match="not a git repository"):
        LocalForge(tmp_path)


def test_teams_and_permissions(repo: Path) -> None:
    forge = LocalForge(repo)
    forge.set_team("@org/payments", ["@carol", "dave"])
    assert forge.team_members("@org/payments") == ["carol", "dave"]
    assert forge.user_permission("carol") == "write"
    assert forge.user_permission("mallory") == "read"
