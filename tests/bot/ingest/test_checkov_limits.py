"""Defect 5: checkov runs capped (memory, time) in its own process group, killed when fixbot exits.

A stand-in checkov (FIXBOT_CHECKOV) misbehaves on purpose: it allocates without bound, or hangs
with a child of its own. No real checkov run is needed to prove the caps.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.ingest.checkov_runner import CheckovLimitError, checkov_json
from tests.harness.gitrepo import make_repo

HOG = f"""#!{sys.executable}
hoard = [bytearray(64 * 2**20) for _ in range(1000)]  # 64 GB
"""
HANG = f"""#!{sys.executable}
import os, subprocess, sys, time
child = subprocess.Popen(["sleep", "300"])
open(os.environ["PIDS_FILE"], "w").write(f"{{os.getpid()}} {{child.pid}}")
time.sleep(300)
"""


def _fake(tmp_path: Path, text: str) -> Path:
    exe = tmp_path / "checkov"
    exe.write_text(text)
    exe.chmod(0o755)
    return exe


def _gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().split(") ")[1].startswith("Z"):
                    return True  # a zombie: dead, waiting for its parent
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"main.tf": 'resource "aws_s3_bucket" "b" {}\n'})


def test_memory_cap_stops_checkov_and_the_scan_goes_on(repo: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FIXBOT_CHECKOV", str(_fake(tmp_path, HOG)))
    monkeypatch.setenv("FIXBOT_CHECKOV_MEMORY_MB", "512")
    with pytest.raises(CheckovLimitError, match="512 MB memory cap"):
        checkov_json(repo)
    assert main(["scan", str(repo), "--format", "json"]) == 0
    assert "memory cap" in capsys.readouterr().out  # an `errors` entry; the inventory still reported


def test_timeout_kills_checkovs_whole_process_group(repo: Path, tmp_path: Path, monkeypatch) -> None:
    pids = tmp_path / "pids"
    monkeypatch.setenv("FIXBOT_CHECKOV", str(_fake(tmp_path, HANG)))
    monkeypatch.setenv("PIDS_FILE", str(pids))
    monkeypatch.setenv("FIXBOT_CHECKOV_TIMEOUT", "3")
    with pytest.raises(CheckovLimitError, match="within 3s"):
        checkov_json(repo)
    checkov_pid, grandchild = map(int, pids.read_text().split())
    assert _gone(checkov_pid) and _gone(grandchild)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_checkov_does_not_outlive_a_killed_fixbot(repo: Path, tmp_path: Path, sig: signal.Signals) -> None:
    pids = tmp_path / "pids"
    env = {**os.environ, "FIXBOT_CHECKOV": str(_fake(tmp_path, HANG)), "PIDS_FILE": str(pids),
           "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    fixbot = subprocess.Popen([sys.executable, "-m", "bot", "scan", str(repo)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (pids.exists() and pids.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    checkov_pid, grandchild = map(int, pids.read_text().split())
    fixbot.send_signal(sig)
    _, err = fixbot.communicate(timeout=30)
    assert _gone(checkov_pid)
    if sig == signal.SIGTERM:  # fixbot unwinds: the whole group is killed
        assert _gone(grandchild) and fixbot.returncode == 128 + sig and b"Traceback" not in err
    else:
        os.kill(grandchild, signal.SIGKILL)  # PDEATHSIG reaches checkov itself only


OPEN_SSH = """resource "aws_security_group" "{name}" {{
  name = "{name}"
  ingress {{
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}
"""
BIG_PUBLIC = OPEN_SSH.format(name="big") + "# pad\n" * 60
SMALL_PUBLIC = OPEN_SSH.format(name="small")


@pytest.mark.checkov
def test_checkov_skips_the_files_fixbot_refused(tmp_path: Path, capsys) -> None:
    """The other half of defect 5: checkov reads only what fixbot accepted (here: one file over max_file_bytes)."""
    repo = make_repo(tmp_path / "repo", {".fixbot.yml": "max_file_bytes: 400\n", "big.tf": BIG_PUBLIC,
                                         "small.tf": SMALL_PUBLIC})
    assert main(["scan", str(repo), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert any(e["file"] == "big.tf" and e["kind"] == "size" for e in report["errors"])
    flagged = {f["resource"] for f in report["findings"]}
    assert "aws_security_group.small" in flagged and "aws_security_group.big" not in flagged
    unmapped = {f.get("resource") for f in report["unmapped"]}
    assert not any("big" in str(r) for r in unmapped)  # checkov never reported on the refused file
