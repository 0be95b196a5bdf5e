"""Scheduled sweeps: every repository fixbot heard of is rescanned once per slot, across processes."""

from __future__ import annotations

import json
from pathlib import Path

from bot.server.queue.backend import QueueBackend, build_backend
from bot.server.queue.records import JobState
from bot.server.queue.sweeps import EVENT, due, offset
from tests.harness.github_standin.webhooks import hooks, payload
from tests.harness.github_standin.world import World

DAY = 86_400.0


def test_one_sweep_per_repository_and_slot_however_many_processes_tick(backend: QueueBackend, queue_url: str,
                                                                       tmp_path: Path) -> None:
    backend.remember("o/a", 1, 7)
    backend.remember("o/b", 2, 7)
    backend.remember("o/a", None, None)  # a later event without ids keeps what was known
    other = build_backend(queue_url, tmp_path / "state")  # a second process on the same queue
    now = 10 * DAY + 7200  # past every repository's offset within the 1 h jitter
    assert due(backend, DAY, 3600, now) == 2
    assert due(other, DAY, 3600, now + 60) == 0  # same slot: already queued by the first process
    assert due(other, DAY, 3600, now + DAY) == 2  # the next day
    other.close()
    jobs = [r for r in backend.table.list() if r.event == EVENT]
    assert sorted(r.repo for r in jobs) == ["o/a", "o/a", "o/b", "o/b"]
    sweep = json.loads(jobs[0].payload)
    assert sweep["installation"] == {"id": 7} and sweep["repository"]["id"] in (1, 2)
    assert 0 <= offset("o/a", 3600) < 3600 and offset("o/a", 3600) != offset("o/b", 3600)


def test_a_sweep_rescans_and_outsiders_cannot_send_one(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path, run_checkov=False) as h:
        forged = payload("push", w)
        forged["action"] = "scheduled"
        assert h.send("fixbot_sweep", forged) == 200  # signed, but the sweep event is the server's own
        assert h.send("push", payload("push", w, ref="refs/heads/main")) == 202  # fixbot hears of the repository
        assert [r.full_name for r in h.server.backend.known_repos()] == [w.repo.full_name]
        assert due(h.server.backend, DAY, 0, 5 * DAY) == 1
        assert h.server.worker.join(60)
        (sweep,) = [r for r in h.server.backend.table.list(None) if r.event == EVENT]
        assert sweep.state is JobState.done, sweep.error
    fetched = [c for c in w.gh.api_calls() if c[1] == "/repos/{owner}/{repo}" or "branches" in str(c[1])]
    assert fetched, "the sweep did not look at the repository"
