"""Defect 20: repository copies left in the temp directory by crashed runs are cleaned by later runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bot.tempdirs import make_run_dir, run_dir

CRASH = """
import os, signal
from bot.tempdirs import make_run_dir
d = make_run_dir("snap")
(d / "main.tf").write_text("a copy of the repository")
print(d, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_runs_copy_is_swept_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.run([sys.executable, "-c", CRASH], env=env, capture_output=True, text=True)
    assert proc.returncode == -9
    left = Path(proc.stdout.strip())
    assert left.parent == tmp_path and left.name.startswith("fixbot-snap-") and (left / "main.tf").is_file()
    unrelated = tmp_path / "fixbot-notes"  # not ours by name: never touched
    unrelated.mkdir()
    alive = tmp_path / f"fixbot-snap-{os.getppid()}-xyz"  # a running fixbot's copy: kept
    alive.mkdir()
    with run_dir("check") as mine:
        assert mine.name.startswith(f"fixbot-check-{os.getpid()}-")
        assert not left.exists() and unrelated.is_dir() and alive.is_dir()
    assert not mine.exists()


def test_run_dir_names_carry_the_pid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    made = make_run_dir("wt")
    assert made.parent == tmp_path and made.name.startswith(f"fixbot-wt-{os.getpid()}-")
