"""`GitHubForge` issue operations (dashboard, tickets) against the contract-checked stand-in."""

from __future__ import annotations

import pytest

from bot.errors import ForgeError
from bot.forge.base import IssueTracker
from tests.harness.github_standin.state import Pull
from tests.harness.github_standin.world import World


def test_the_forge_is_an_issue_tracker_and_round_trips_an_issue(w: World) -> None:
    forge = w.forge()
    assert isinstance(forge, IssueTracker)
    made = forge.create_issue("fixbot dashboard", "body @alice", ["fixbot-dashboard"])
    assert (made.author, made.author_is_bot, made.labels, made.state) == ("fixbot[bot]", True,
                                                                          ("fixbot-dashboard",), "open")
    closed = forge.update_issue(made.number, body="gone", state="closed", state_reason="completed")
    assert (closed.body, closed.state, closed.state_reason) == ("gone", "closed", "completed")
    assert forge.list_issues("fixbot-dashboard", "open") == []
    assert [i.number for i in forge.list_issues("fixbot-dashboard")] == [made.number]


def test_listing_pages_through_and_drops_pull_requests(w: World) -> None:
    for n in range(1, 106):
        w.repo.issues[n] = Pull(n, f"ticket {n}", "", "", "", "fixbot[bot]", labels=["fixbot-ticket"])
    w.repo.issues[106] = Pull(106, "a PR", "", "fixbot/x/1", "main", "fixbot[bot]", labels=["fixbot-ticket"])
    w.repo.issues[107] = Pull(107, "other", "", "", "", "alice", labels=["bug"])
    mark = len(w.gh.state.requests)
    found = w.forge().list_issues("fixbot-ticket")
    assert [i.number for i in found] == list(range(1, 106))
    assert [c[0] for c in w.gh.api_calls(mark)] == ["GET", "GET"]  # two pages of 100


def test_issue_writes_need_the_issues_permission(w: World) -> None:
    forge = w.forge()
    with forge.action("read-only", {"pull_requests": "read"}), pytest.raises(ForgeError, match="needs"):
        forge.create_issue("x", "y")
