"""Operations: /metrics in Prometheus format, /healthz, /readyz following the queue backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from tests.harness.github_standin.webhooks import hooks, payload
from tests.harness.github_standin.world import World
from tests.harness.redis_server import redis_server


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for fam in text_string_to_metric_families(text) for s in fam.samples}


def _help_comment(w: World) -> dict[str, Any]:
    body: dict[str, Any] = payload("issue_comment.created", w)
    c = w.gh.human_comment(w.repo, body["issue"]["number"], "alice", "/fixbot help")
    body["comment"].update(id=c.id, body="/fixbot help", user={**body["comment"]["user"], "login": "alice"})
    return body


def test_metrics_count_jobs_durations_and_github_calls_per_installation(w: World, tmp_path: Path) -> None:
    with hooks(w, tmp_path) as h:
        assert h.send("issue_comment", _help_comment(w)) == 202
        response = h.client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    m = _samples(response.text)
    inst = str(w.installation.id)
    assert m[("fixbot_queue_jobs", (("state", "done"),))] == 1
    assert m[("fixbot_queue_jobs", (("state", "dead"),))] == 0
    assert m[("fixbot_job_duration_seconds_count", (("event", "issue_comment"), ("outcome", "done")))] == 1
    assert m[("fixbot_github_calls_total", (("installation", inst), ("outcome", "ok")))] >= 3  # perm, react, reply
    assert 0 < m[("fixbot_github_rate_limit_remaining", (("installation", inst),))] < 5000
    assert m[("fixbot_queue_backend_up", ())] == 1


def test_readyz_follows_the_queue_backend_and_no_delivery_is_accepted_without_it(w: World, tmp_path: Path) -> None:
    with redis_server(tmp_path / "redis") as url, hooks(w, tmp_path, queue_url=url, workers=0) as h:
        assert h.client.get("/readyz").json() == {"status": "ready", "queue": "redis"}
        h.server.backend.table.r.shutdown(nosave=True)  # type: ignore[attr-defined]  # Redis goes away
        ready = h.client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["status"] == "queue unreachable"
        assert h.client.get("/healthz").status_code == 200  # the process itself is alive
        assert h.send("issue_comment", _help_comment(w), wait=False) == 503  # not acknowledged: GitHub keeps it
        assert _samples(h.client.get("/metrics").text)[("fixbot_queue_backend_up", ())] == 0
