from __future__ import annotations

from pathlib import Path

from bot.forge.base import FileChange
from bot.forge.local import LocalForge
from bot.forge.local.checkout import checkout_state, sync_checkout
from tests.harness.gitrepo import git, make_repo


def _merge_change(forge: LocalForge) -> None:
    forge.create_branch("fixbot/x/1", forge.head_sha("main") or "")
    forge.commit("fixbot/x/1", "m", [FileChange(path="a.tf", content="fixed\n")], {})
    pr = forge.open_pr("fixbot/x/1", "main", "t", "b")
    forge.merge(pr.number, pr.head_sha, "merge", {})


def test_a_clean_checkout_of_main_follows_the_merge(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    forge = LocalForge(repo)
    before = checkout_state(forge)
    _merge_change(forge)
    assert "fast-forwarded" in sync_checkout(forge, before)
    assert (repo / "a.tf").read_text() == "fixed\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_dirty_checkout_is_left_alone(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n", "b.tf": "b\n"})
    (repo / "b.tf").write_text("work in progress\n")
    forge = LocalForge(repo)
    before = checkout_state(forge)
    _merge_change(forge)
    assert "not a clean main" in sync_checkout(forge, before)
    assert (repo / "b.tf").read_text() == "work in progress\n"
    assert (repo / "a.tf").read_text() == "old\n"


def test_default_branch_prefers_main_over_the_checked_out_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.tf": "old\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    assert LocalForge(repo).default_branch() == "main"
