"""End to end: code scanning alerts become fixes; apply results verify or revert."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.server.alerts import alert_to_sarif
from bot.server.queue.records import JobState
from tests.bot.server.test_e2e_events import install
from tests.harness.github_standin.webhooks import hooks, payload
from tests.harness.github_standin.world import World


def _alert(w: World, path: str = "dev/main.tf") -> dict:  # type: ignore[type-arg]
    body = payload("code_scanning_alert.created", w)
    body["alert"]["rule"].update(id="CKV_AWS_20", description="S3 bucket ACL allows public READ")
    body["alert"]["tool"]["name"] = "checkov"
    body["alert"]["instances"][0]["location"].update(path=path, start_line=1, end_line=4)
    return body


def test_alert_fields_are_untrusted() -> None:
    sarif = alert_to_sarif({"rule": {"id": "CKV_AWS_20", "description": "x" * 5000},
                            "most_recent_instance": {"location": {"path": "../../etc/passwd", "start_line": -3}}})
    (result,) = sarif["runs"][0]["results"]
    assert "locations" not in result  # a path leaving the repository is dropped
    assert len(sarif["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"]) <= 300
    assert alert_to_sarif({})["runs"][0]["results"][0]["ruleId"] == "unknown"


@pytest.mark.checkov
def test_code_scanning_alert_is_ingested_and_fixed(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path, run_checkov=False) as h:  # the alert is the only finding source
        assert h.send("code_scanning_alert", _alert(w)) == 202
    (pr,) = w.gh.pulls(w.repo)
    assert pr.merged and "aws_s3_bucket.dev" in pr.title
    fixed = w.repo.store.read_path("main", "dev/main.tf")
    assert fixed is not None and b'"private"' in fixed


@pytest.mark.checkov
def test_successful_deployment_verifies_without_revert(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        install(h, w)
        before = len(w.gh.pulls(w.repo))
        status = payload("deployment_status.created", w)
        status["deployment_status"]["state"] = "success"
        assert h.send("deployment_status", status) == 202
        assert h.server.backend.counts()[JobState.dead] == 0
    assert len(w.gh.pulls(w.repo)) == before
    assert not [p for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/revert/")]


@pytest.mark.checkov
def test_installation_repositories_added_onboards(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        body = payload("installation_repositories.added", w)
        body["repositories_added"] = [{"id": w.repo.id, "node_id": "R", "name": w.repo.name,
                                       "full_name": w.repo.full_name, "private": True}]
        assert h.send("installation_repositories", body) == 202
    assert any(p.merged for p in w.gh.pulls(w.repo))
