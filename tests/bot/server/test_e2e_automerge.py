"""End to end: GitHub auto-merge for fixes policy allows, in repositories that allow it.

Signed webhook → fixbot server → lifecycle → GitHubForge → stand-in (which merges by itself,
as GitHub does, once the required checks pass on the head auto-merge was enabled for).
"""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from bot.audit.log import AuditLog
from bot.lifecycle.reconcile import AUTO_MERGED
from tests.bot.server.test_e2e_events import fixes, install, review
from tests.harness.github_standin.webhooks import hooks, payload
from tests.harness.github_standin.world import World

pytestmark = pytest.mark.checkov


def _merge_calls(w: World) -> list[tuple[str, str | None, int]]:
    return [c for c in w.gh.api_calls() if c[0] == "PUT" and c[1] and c[1].endswith("/merge")]


def test_an_allowed_fix_is_merged_by_github_when_the_required_check_goes_green(infra: World, tmp_path: Path) -> None:
    w = infra
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["fixbot/pre-merge", "ci"])
    with hooks(w, tmp_path) as h:
        install(h, w)
        dev, prod = fixes(w)["dev"], fixes(w)["prod"]
        assert not dev.merged and dev.auto_merge is not None
        assert dev.auto_merge.head_sha == w.repo.store.ref(f"heads/{dev.head}")  # pinned to the checked head
        pinned = dev.auto_merge.head_sha
        assert "auto-merge" in w.repo.comments[dev.number][-1].body
        assert prod.auto_merge is None  # require_approval: never before a valid approval
        refused = _merge_calls(w)
        w.gh.set_status(w.repo, dev.head_sha, "ci", "success")  # CI finishes: GitHub merges, not fixbot
        assert dev.merged and dev.merged_by == "fixbot[bot]"
        assert "Fixbot-Approved-By: policy (allow)" in w.repo.store.commit_info("main").message
        assert _merge_calls(w) == refused  # fixbot sent no merge of its own
        assert h.send("push", payload("push", w, ref="refs/heads/main")) == 202
    assert [p.number for p in w.gh.pulls(w.repo) if p.head == dev.head] == [dev.number]  # not reopened
    records = AuditLog(git.Repo(tmp_path / "work" / "octo-org__infra"), tmp_path).records()
    events = [(r.event, r.get("Fixbot-Detail")) for r in records if r.get("Fixbot-PR") == str(dev.number)]
    assert ("auto_merge", f"GitHub auto-merge (squash) enabled on {pinned[:12]}") in events
    assert ("merged", AUTO_MERGED) in events  # the rescan after the merge recorded it, saying how
    graphql = [t for t in w.gh.tokens() if t.permissions == {"contents": "write", "pull_requests": "write"}]
    assert graphql and all(t.revoked for t in graphql)


def test_an_approved_fix_may_use_auto_merge_after_the_approval(infra: World, tmp_path: Path) -> None:
    w = infra
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["fixbot/pre-merge", "ci"])
    with hooks(w, tmp_path) as h:
        install(h, w)
        prod = fixes(w)["prod"]
        assert prod.auto_merge is None
        h.send("pull_request_review", review(w, prod, "bob"))  # read access only: not a valid approval
        assert prod.auto_merge is None
        h.send("pull_request_review", review(w, prod, "alice"))
        assert prod.auto_merge is not None and not prod.merged
        w.gh.set_status(w.repo, prod.head_sha, "ci", "success")
    assert prod.merged
    assert "Fixbot-Approved-By: alice" in w.repo.store.commit_info("main").message


def test_without_allow_auto_merge_fixbot_merges_itself_on_the_checks_event(infra: World, tmp_path: Path) -> None:
    w = infra
    w.gh.protect(w.repo, "main", ["fixbot/pre-merge", "ci"])
    with hooks(w, tmp_path) as h:
        install(h, w)
        dev = fixes(w)["dev"]
        assert not dev.merged and dev.auto_merge is None
        w.gh.set_status(w.repo, dev.head_sha, "ci", "success")
        assert not dev.merged  # nobody enabled auto-merge: GitHub does nothing by itself
        status = payload("check_suite.completed", w)
        status["check_suite"].update(head_sha=dev.head_sha, conclusion="success")
        assert h.send("check_suite", status) == 202
    assert dev.merged
    assert not [c for c in w.gh.api_calls() if c[1] == "/graphql"]
