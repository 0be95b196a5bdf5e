"""`fixbot jobs list|retry|drop`: operators see dead letters, requeue one, or give up on one."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.server.queue.backend import build_backend
from bot.server.queue.records import JobState


def _dead(work: Path, delivery: str) -> str:
    backend = build_backend("", work / "state")
    rec = backend.submit(delivery, "push", "o/r", "{}")
    assert rec is not None
    backend.table.claim(rec.id, "w", 30, time.time())
    backend.table.finish(rec.id, "w", JobState.dead, "gave up after 5 tries: HTTP 502", time.time(), failed=True)
    backend.close()
    return rec.id


def test_list_retry_and_drop_dead_letters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _dead(tmp_path, "d-a"), _dead(tmp_path, "d-b")
    assert main(["jobs", "list", "--work-dir", str(tmp_path), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["id"] for r in rows} == {a, b} and all(r["state"] == "dead" and "HTTP 502" in r["error"] for r in rows)
    assert main(["jobs", "retry", a, "--work-dir", str(tmp_path)]) == 0
    assert main(["jobs", "drop", b, "--work-dir", str(tmp_path)]) == 0
    assert f"job {a}: requeued" in capsys.readouterr().out
    backend = build_backend("", tmp_path / "state")
    assert backend.table.get(a).state is JobState.queued  # type: ignore[union-attr]
    assert backend.pending() == 3  # two original messages and the retry's: the claim decides, once
    assert backend.table.get(b).state is JobState.dropped  # type: ignore[union-attr]
    backend.close()
    assert main(["jobs", "list", "--work-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""  # no dead letter left


def test_unknown_ids_and_missing_queues_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["jobs", "list", "--work-dir", str(tmp_path / "none")]) == 2
    assert "no queue at" in capsys.readouterr().err
    _dead(tmp_path, "d-a")
    assert main(["jobs", "retry", "nope", "--work-dir", str(tmp_path)]) == 2
    assert "not a dead letter" in capsys.readouterr().err
    assert main(["jobs", "drop", "--work-dir", str(tmp_path)]) == 2
