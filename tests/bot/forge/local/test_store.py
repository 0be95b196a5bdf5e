"""Defect 13: a damaged forge.json is a clear error or recovers from the kept previous generation."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.errors import ForgeError
from bot.forge.local import LocalForge
from bot.gitstore.store import JsonStore, backup_path, empty_state
from tests.harness.gitrepo import make_repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"main.tf": 'resource "x" "y" {}\n'})


def _open_pr(forge: LocalForge, title: str) -> int:
    base = forge.head_sha("main")
    assert base
    branch = f"fixbot/fix/{title}"
    forge.create_branch(branch, base)
    return forge.open_pr(branch, "main", title, "body").number


def test_every_write_keeps_the_previous_good_generation(repo: Path) -> None:
    forge = LocalForge(repo)
    _open_pr(forge, "one")
    _open_pr(forge, "two")
    path = forge.state_dir / "forge.json"
    assert '"one"' in backup_path(path).read_text() and '"two"' not in backup_path(path).read_text()


def test_truncated_forge_json_recovers_from_the_backup(repo: Path) -> None:
    forge = LocalForge(repo)
    first = _open_pr(forge, "one")
    _open_pr(forge, "two")
    path = forge.state_dir / "forge.json"
    path.write_bytes(path.read_bytes()[:40])  # a crash of something else, a full disk
    recovered = LocalForge(repo)
    assert recovered.get_pr(first).title == "one"  # the previous generation, not an error


@pytest.mark.parametrize("damage", [b"\xff\xfe\x00garbage\x9c", b"[]", b'{"prs": []}', b"[" * 100_000])
def test_damaged_forge_json_without_backup_is_a_clear_error(repo: Path, damage: bytes, capsys) -> None:
    forge = LocalForge(repo)
    path = forge.state_dir / "forge.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    with pytest.raises(ForgeError, match=r"forge\.json"):
        LocalForge(repo).list_prs()
    assert main(["prs", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "forge.json" in err and "Traceback" not in err


def test_damaged_document_never_becomes_the_backup(tmp_path: Path) -> None:
    store = JsonStore(tmp_path / "forge.json", empty_state)
    with store.transaction() as doc:
        doc["next_pr"] = 7
    with store.transaction() as doc:
        doc["next_pr"] = 8
    (tmp_path / "forge.json").write_bytes(b"\x00\x01")
    with store.transaction() as doc:  # recovered from .bak (next_pr 7), then written
        assert doc["next_pr"] == 7
        doc["next_pr"] = 9
    assert b"\x00" not in backup_path(tmp_path / "forge.json").read_bytes()
