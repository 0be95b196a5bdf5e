"""Crash safety with real processes: a worker killed -9 mid-job, a redelivery across a restart.

The worker is a `fixbot worker` process on a real Redis queue, the webhook front a `fixbot serve`
app with no workers of its own; GitHub is the contract-checked stand-in.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.server.queue.records import JobState
from tests.bot.server.conftest import FILES
from tests.harness.github_standin import Fault
from tests.harness.github_standin.webhooks import hooks, payload
from tests.harness.github_standin.world import World, world
from tests.harness.processes import workers
from tests.harness.redis_server import redis_server

pytestmark = [pytest.mark.e2e, pytest.mark.checkov]


def _wait(cond: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _fix_prs(w: World) -> list[tuple[str, str]]:
    return sorted((p.head, p.state) for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/"))


def test_worker_killed_after_the_branch_push_before_the_pr_ends_with_exactly_one_pr(tmp_path: Path) -> None:
    with world(tmp_path, FILES) as w, redis_server(tmp_path / "redis") as url:
        hang = Fault(502, "POST /repos/octo-org/infra/pulls", delay=120)  # the first PR creation never returns
        w.gh.inject(hang)
        with hooks(w, tmp_path, queue_url=url, workers=0) as h, \
                workers(w.gh, tmp_path, url, "--lease-seconds", "3") as procs:
            first = procs.start("a")
            repos = [{"id": w.repo.id, "node_id": "R_1", "name": w.repo.name, "full_name": w.repo.full_name,
                      "private": True}]
            # durable before the 202; the web process has no worker of its own
            assert h.send("installation", payload("installation.created", w, repositories=repos), wait=False) == 202
            _wait(lambda: hang.times == 0, 240, "the worker to push a branch and ask for a PR")
            pushed = [r.path for r in w.gh.state.requests if r.method == "POST" and r.path.endswith("/git/refs")]
            assert pushed, "the branch was pushed before the PR was asked for"
            killed_at = time.time()
            procs.kill9(first)
            assert _fix_prs(w) == []
            procs.start("b")
            _wait(lambda: h.server.worker.join(0.1), 300, "the job to run again on the second worker")
            (job,) = h.server.backend.table.list(None)
            assert job.state is JobState.done and job.claims == 2
        prs = _fix_prs(w)
        heads = [head for head, _ in prs]
        assert len(heads) == len(set(heads)) == 2, prs  # dev and prod: one PR each, no duplicate
        assert not w.gh.checker.violations
        late = [t for t in w.gh.unrevoked_used_tokens() if t.expires_at.timestamp() - 3600 > killed_at]
        assert late == [], "a token minted after the crash was not revoked"


def test_a_redelivery_after_a_restart_is_acknowledged_not_redone(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        comment = payload("issue_comment.created", w)
        number = comment["issue"]["number"]
        c = w.gh.human_comment(w.repo, number, "alice", "/fixbot help")
        comment["comment"].update(id=c.id, body="/fixbot help", user={**comment["comment"]["user"], "login": "alice"})
        with hooks(w, tmp_path) as h:
            assert h.send("issue_comment", comment, delivery="same-id") == 202
        with hooks(w, tmp_path) as h:  # a new process on the same state directory
            assert h.send("issue_comment", comment, delivery="same-id") == 200
            assert h.server.backend.counts()[JobState.done] == 1
        replies = [x for x in w.repo.comments[number] if x.user == "fixbot[bot]"]
        assert len(replies) == 1


def test_serve_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """SIGTERM: uvicorn drains, then the workers finish or requeue their jobs and the process exits 0."""
    import signal
    import socket
    import subprocess
    import sys

    import httpx

    from tests.harness.github_standin import new_private_key
    from tests.harness.processes import ROOT

    key = tmp_path / "k.pem"
    key.write_bytes(new_private_key())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "FIXBOT_APP_ID": "5",
           "FIXBOT_PRIVATE_KEY_PATH": str(key), "FIXBOT_WEBHOOK_SECRET": "a-webhook-secret-0123456789"}
    proc = subprocess.Popen([sys.executable, "-c", "from bot.cli.main import main; raise SystemExit(main())",
                             "serve", "--port", str(port), "--work-dir", str(tmp_path / "w")], env=env, cwd=ROOT)
    try:
        _wait(lambda: _up(httpx, port), 60, "fixbot serve to answer /healthz")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (tmp_path / "w" / "state" / "jobs.db").exists()  # the embedded queue, no other service


def _up(httpx: object, port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200  # type: ignore[attr-defined]
    except Exception:
        return False
