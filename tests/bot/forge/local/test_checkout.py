"""The user's checkout never lies: a merge into the checked-out branch updates index and working
tree like `git merge --ff-only` (the user's other changes kept), refuses when it would overwrite
them, and a crash between the ref move and the checkout update is repaired by the next run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.errors import ConflictError
from bot.forge.base import FileChange, PrState
from bot.forge.local import LocalForge, worktree
from bot.forge.local.checkout import checkout_state, sync_checkout
from tests.harness.gitrepo import git, make_repo

DEV = 'resource "aws_s3_bucket" "dev" {\n  acl = "public-read"\n}\n'
FINDINGS = {
    "check_type": "terraform",
    "results": {
        "failed_checks": [
            {"check_id": "CKV_AWS_20", "check_name": "S3 Bucket has an ACL defined which allows public READ access.",
             "check_result": {"result": "FAILED"}, "file_path": "/dev/main.tf", "file_line_range": [1, 3],
             "resource": "aws_s3_bucket.dev", "severity": "HIGH"}
        ],
        "passed_checks": [], "skipped_checks": [],
    },
    "summary": {},
}


def _open_change(forge: LocalForge, files: dict[str, str | None]) -> tuple[int, str]:
    forge.create_branch("fixbot/x/1", forge.head_sha("main") or "")
    forge.commit("fixbot/x/1", "m", [FileChange(path=p, content=c) for p, c in files.items()], {})
    pr = forge.open_pr("fixbot/x/1", "main", "t", "b")
    return pr.number, pr.head_sha


def _status(repo: Path) -> list[str]:
    return git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()


def test_a_clean_checkout_of_main_follows_the_merge(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    forge = LocalForge(repo)
    number, head = _open_change(forge, {"a.tf": "fixed\n"})
    forge.merge(number, head, "merge", {})
    assert (repo / "a.tf").read_text() == "fixed\n"
    assert _status(repo) == []


def test_the_users_edit_elsewhere_is_kept_and_head_has_the_fix(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n", "b.tf": "b\n"})
    (repo / "b.tf").write_text("work in progress\n")
    (repo / "notes.txt").write_text("untracked\n")
    git(repo, "add", "notes.txt")
    forge = LocalForge(repo)
    number, head = _open_change(forge, {"a.tf": "fixed\n"})
    sha = forge.merge(number, head, "merge", {})
    assert git(repo, "rev-parse", "HEAD").strip() == sha
    assert sorted(_status(repo)) == [" M b.tf", "A  notes.txt"]  # only the user's own changes
    assert (repo / "a.tf").read_text() == "fixed\n" and (repo / "b.tf").read_text() == "work in progress\n"
    assert git(repo, "diff", "--cached", "--name-only").split() == ["notes.txt"]  # no staged "revert" of a.tf


@pytest.mark.parametrize("how", ["unstaged", "staged", "untracked"])
def test_a_conflicting_local_change_refuses_the_merge_and_loses_nothing(tmp_path: Path, how: str) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    forge = LocalForge(repo)
    target = "a.tf" if how != "untracked" else "new.tf"
    number, head = _open_change(forge, {target: "fixed\n"})
    before = forge.head_sha("main")
    (repo / target).write_text("mine\n")
    if how == "staged":
        git(repo, "add", target)
    with pytest.raises(ConflictError, match=rf"uncommitted or untracked changes to {target}.*nothing was merged"):
        forge.merge(number, head, "merge", {})
    assert forge.head_sha("main") == before and forge.get_pr(number).state == PrState.open
    assert (repo / target).read_text() == "mine\n"
    assert not (forge.state_dir / worktree.MARKER).exists()


def test_a_crash_between_the_ref_move_and_the_checkout_update_is_repaired_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n", "b.tf": "b\n"})
    (repo / "b.tf").write_text("work in progress\n")
    forge = LocalForge(repo)
    number, head = _open_change(forge, {"a.tf": "fixed\n"})

    def killed(*_: object) -> None:
        raise KeyboardInterrupt  # the process dies right after moving main

    monkeypatch.setattr(worktree, "carry", killed)
    with pytest.raises(KeyboardInterrupt):
        forge.merge(number, head, "merge", {})
    monkeypatch.undo()
    assert "M  a.tf" in _status(repo)  # the lie the crash left: the fix shows as a staged revert

    sha, note = checkout_state(LocalForge(repo))  # the next run starts here
    assert note is not None and "caught up" in note
    assert git(repo, "rev-parse", "HEAD").strip() == sha
    assert _status(repo) == [" M b.tf"] and (repo / "a.tf").read_text() == "fixed\n"
    assert not (forge.state_dir / worktree.MARKER).exists()
    assert sync_checkout(LocalForge(repo), (sha, None)) == "checkout up to date"


def test_another_checked_out_branch_is_not_touched(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "a.tf").write_text("feature work\n")
    forge = LocalForge(repo)
    before = checkout_state(forge)
    number, head = _open_change(forge, {"a.tf": "fixed\n"})
    forge.merge(number, head, "merge", {})
    assert "not touched" in sync_checkout(forge, before)
    assert (repo / "a.tf").read_text() == "feature work\n"


def test_default_branch_prefers_main_over_the_checked_out_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    assert LocalForge(repo).default_branch() == "main"


def test_fix_merging_into_a_checkout_with_local_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", {"dev/main.tf": DEV, "README.md": "x\n"})
    findings = tmp_path / "checkov.json"
    findings.write_text(json.dumps(FINDINGS))
    (repo / "README.md").write_text("x\nmy notes\n")
    (repo / "dev" / "main.tf").write_text(DEV + "# my edit\n")  # conflicts with the fix
    args = ["fix", str(repo), "--no-checkov", "--findings", str(findings), "--format", "json"]
    assert main(args) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result["status"] == "conflict" and "changes to dev/main.tf" in result["detail"]
    assert (repo / "dev" / "main.tf").read_text() == DEV + "# my edit\n"

    (repo / "dev" / "main.tf").write_text(DEV)  # the user drops the conflicting edit and reruns
    assert main(args) == 0
    captured = capsys.readouterr()
    (result,) = json.loads(captured.out)["results"]
    assert result["status"] == "merged"
    assert "checkout of main updated" in captured.err
    assert _status(repo) == [" M README.md"]
    assert 'acl = "private"' in (repo / "dev" / "main.tf").read_text()
    assert git(repo, "rev-parse", "HEAD").strip() == LocalForge(repo).head_sha("main")
