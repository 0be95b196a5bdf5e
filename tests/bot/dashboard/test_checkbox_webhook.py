"""Checkbox round trip: signed `issues.edited` → fixbot server → the chain → the stand-in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.dashboard import sync
from bot.dashboard.markers import DASHBOARD_LABEL, boxes, checkbox
from bot.forge.github import GitHubForge, RepoRef
from bot.forge.github.permissions import DASHBOARD
from bot.models.decision import Outcome
from bot.server.lifecycle_engine import LifecycleEngine
from bot.server.settings import Settings
from tests.bot.server.conftest import FILES, _check
from tests.harness.dashboard import decided
from tests.harness.github_standin.webhooks import Hooks, hooks, payload
from tests.harness.github_standin.world import World, world

WEB = decided("aws_s3_bucket.web", "CKV_AWS_20", 0.9, Outcome.require_approval)
LOGS = decided("aws_s3_bucket.logs", "CKV_AWS_18", 0.4)


class Recorder(LifecycleEngine):
    """The real engine's seams, recording what a tick asks for instead of scanning."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, run_checkov=False)
        self.requested: list[str] = []

    def request_fix(self, forge: GitHubForge, repo: RepoRef, resource: str) -> str:
        self.requested.append(resource)
        return f"1 awaiting_approval for {resource} @octo-org/admins"


def dashboard_issue(w: World) -> int:
    forge = w.forge()
    with forge.action("dashboard", DASHBOARD):
        return sync(forge, w.repo.full_name, [WEB, LOGS], forge.list_prs()).number


def edit(w: World, number: int, *tick: str, sender: str = "alice", sender_type: str = "User",
         issue_user: dict[str, str] | None = None) -> dict[str, Any]:
    """A person ticks boxes in the UI: GitHub stores the body and delivers `issues.edited`."""
    before = w.repo.issues[number].body
    after = before
    for fid in tick:
        after = after.replace(checkbox(fid), checkbox(fid, ticked=True))
    w.gh.human_edit_issue(w.repo, number, after)
    body = payload("issues.edited", w, changes={"body": {"from": before}},
                   sender={"login": sender, "type": sender_type, "id": 7})
    body["issue"].update(number=number, body=after, labels=[{"name": DASHBOARD_LABEL, "id": 1}],
                         user=issue_user or {"login": "fixbot[bot]", "type": "Bot"})
    return body


def send(h: Hooks, body: dict[str, Any]) -> None:
    assert h.send("issues", body) == 202


def test_a_tick_by_a_writer_requests_that_resource_and_clears_the_box(w: World, tmp_path: Path) -> None:
    number = dashboard_issue(w)
    with hooks(w, tmp_path, engine=None) as h:
        engine = Recorder(h.server.service.settings)
        h.server.service.engine = engine
        send(h, edit(w, number, LOGS.finding.id))
    assert engine.requested == ["aws_s3_bucket.logs"]
    assert boxes(w.repo.issues[number].body) == {LOGS.finding.id: False, WEB.finding.id: False}
    (reply,) = [c.body for c in w.repo.comments[number]]
    assert "requested from the dashboard by alice" in reply and "`aws_s3_bucket.logs`" in reply
    assert "@octo-org" not in reply  # the engine's text is escaped


@pytest.mark.parametrize("case", ["bot-sender", "app-sender", "human-issue", "no-change"])
def test_edits_that_are_not_a_persons_tick_on_the_dashboard_are_ignored(w: World, tmp_path: Path,
                                                                        case: str) -> None:
    number = dashboard_issue(w)
    body = {
        "bot-sender": lambda: edit(w, number, LOGS.finding.id, sender="dependabot[bot]", sender_type="Bot"),
        "app-sender": lambda: edit(w, number, LOGS.finding.id, sender="fixbot[bot]"),
        "human-issue": lambda: edit(w, number, LOGS.finding.id, issue_user={"login": "mallory", "type": "User"}),
        "no-change": lambda: edit(w, number),
    }[case]()
    with hooks(w, tmp_path) as h:
        engine = Recorder(h.server.service.settings)
        h.server.service.engine = engine
        mark = len(w.gh.state.requests)
        send(h, body)
    assert engine.requested == [] and w.gh.api_calls(mark) == [] and number not in w.repo.comments


def test_a_reader_cannot_request_a_fix(w: World, tmp_path: Path) -> None:
    number = dashboard_issue(w)
    with hooks(w, tmp_path) as h:
        engine = Recorder(h.server.service.settings)
        h.server.service.engine = engine
        send(h, edit(w, number, LOGS.finding.id, sender="bob"))  # bob has read access
    assert engine.requested == []
    assert "only people with write access" in w.repo.comments[number][-1].body
    assert boxes(w.repo.issues[number].body)[LOGS.finding.id] is False


@pytest.mark.checkov
def test_ticking_a_capped_fix_opens_its_pr_through_the_policy_and_rerenders(tmp_path: Path) -> None:
    with world(tmp_path, FILES) as w:
        install = payload("installation.created", w, repositories=[
            {"id": w.repo.id, "node_id": "R_1", "name": w.repo.name, "full_name": w.repo.full_name,
             "private": True}])
        with hooks(w, tmp_path, dashboard=True, max_open_prs=0) as h:
            assert h.send("installation", install) == 202
            assert w.gh.pulls(w.repo) == []  # the caps deferred every fix
            (dash,) = w.gh.issues(w.repo, DASHBOARD_LABEL)
            boxed = [ln for ln in dash.body.splitlines() if ln.startswith("- [ ] <!-- fixbot:fix:")]
            (dev,) = [ln for ln in boxed if " on aws\\_s3\\_bucket.dev · rule CKV\\_AWS\\_20 · allow" in ln]
            prod = [ln for ln in boxed if " on aws\\_s3\\_bucket.prod · " in ln]
            assert len(prod) >= 3 and all("require approval" in ln for ln in prod)  # more as the catalogue grows
            fid = dev.split("fixbot:fix:")[1].split(" ")[0]
            send(h, edit(w, dash.number, fid))
        (pr,) = w.gh.pulls(w.repo)
        assert "aws_s3_bucket.dev" in pr.body and pr.merged  # dev: the policy allows, checks green, merged
        body = w.repo.issues[dash.number].body
        assert fid not in boxes(body) and f"PR #{pr.number} (merged)" in body  # re-rendered by the rescan
        still = [ln for ln in body.splitlines() if ln.startswith("- [ ]")]
        assert [ln for ln in still if " on aws\\_s3\\_bucket.prod · " in ln] == prod  # prod still waits for a tick
        assert not any(" on aws\\_s3\\_bucket.dev · rule CKV2\\_AWS\\_6 ·" in ln for ln in still)  # in the PR too
        assert "the policy decides" in w.repo.comments[dash.number][-1].body
        _check(w)
