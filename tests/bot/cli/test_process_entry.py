"""The `fixbot` process entry tunes garbage collection for one-shot commands only, never for the server."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
PROBE = (
    "import gc, sys\n"
    "from bot.cli.main import entry\n"
    "sys.argv = ['fixbot', *sys.argv[1:]]\n"
    "code = entry()\n"
    "print(code, gc.get_threshold()[0], gc.get_freeze_count() > 0)\n"
)


def _entry(*argv: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], env=env, capture_output=True, text=True,
                         timeout=120, check=True)  # fmt: skip
    return out.stdout.split()[-3:]


def test_a_one_shot_command_runs_with_fewer_collections() -> None:
    assert _entry("schema", "finding") == ["0", "50000", "True"]


def test_the_server_keeps_the_interpreters_defaults() -> None:
    assert _entry("serve", "--help") == ["0", str(gc.get_threshold()[0]), "False"]
