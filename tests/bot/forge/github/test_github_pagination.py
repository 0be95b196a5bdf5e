"""Every list fixbot reads follows GitHub's pagination (`per_page=100`, `Link: rel="next"`) to the end."""

from __future__ import annotations

import httpx

from bot.forge.base import CheckConclusion, PrState
from bot.server.pr_caps import budget
from tests.bot.forge.github.test_github_forge import open_fix
from tests.harness.github_standin.state import Comment, Pull, Review
from tests.harness.github_standin.world import World

LONG_AGO = "2026-01-01T00:00:00Z"


def seed_fixbot_prs(w: World, count: int) -> None:
    """`count` open fixbot PRs, opened long ago (so only the open-PR cap applies)."""
    with w.gh.state.lock:
        for n in range(1, count + 1):
            w.repo.issues[n] = Pull(n, f"fix {n}", "body", f"fixbot/rule/r{n}", "main", "fixbot[bot]",
                                    labels=["fixbot", "security"], created_at=LONG_AGO)


def test_all_130_open_fixbot_prs_are_listed_and_counted_by_the_caps(w: World) -> None:
    seed_fixbot_prs(w, 130)
    forge = w.forge()
    assert len(forge.list_prs(PrState.open)) == 130
    assert len(forge.pull_activity()) == 130
    got = budget(forge, max_open=120, max_new_per_hour=5)
    assert (got.open_now, got.allowed) == (130, 0)  # one page of 100 would have allowed 5 new PRs
    pages = [c for c in w.gh.api_calls() if c[1] == "/repos/{owner}/{repo}/pulls"]
    assert len(pages) == 3 * 2  # list_prs, pull_activity, budget: two pages of 100 each


def test_a_pr_with_120_comments_reviews_and_checks_is_read_whole(w: World) -> None:
    number, sha = open_fix(w)
    with w.gh.state.lock:
        w.repo.comments[number] = [Comment(w.gh.state.next_id(), "alice", f"c{i}") for i in range(120)]
        w.repo.issues[number].reviews = [Review(w.gh.state.next_id(), "alice", "COMMENTED", sha)
                                         for _ in range(119)]
    w.gh.approve(w.repo, number, "carol", sha=sha)  # the 120th review, on the last page
    for i in range(120):
        w.gh.set_check(w.repo, sha, f"check-{i}", "success")
        w.gh.set_status(w.repo, sha, f"status-{i}", "success")
    forge = w.forge()
    comments = forge.list_comments(number)
    assert [c.body for c in comments] == [f"c{i}" for i in range(120)]
    reviews = forge.list_reviews(number)
    assert len(reviews) == 120 and reviews[-1].user == "carol"
    checks = forge.list_checks(sha)
    assert len(checks) == 240 and all(c.conclusion is CheckConclusion.success for c in checks)


def test_issue_listing_follows_the_link_header(w: World) -> None:
    with w.gh.state.lock:
        for n in range(1, 131):
            w.repo.issues[n] = Pull(n, f"ticket {n}", "", "", "", "fixbot[bot]", labels=["fixbot-ticket"])
    assert [i.number for i in w.forge().list_issues("fixbot-ticket")] == list(range(1, 131))


def test_standin_emits_link_headers_and_honours_page_and_per_page(w: World) -> None:
    seed_fixbot_prs(w, 130)
    with w.broker.token(w.ref, {"pull_requests": "read"}) as tok:
        url = f"{w.gh.url}/repos/{w.repo.full_name}/pulls"
        auth = {"Authorization": f"Bearer {tok.value}"}
        first = httpx.get(url, params={"per_page": 50}, headers=auth)
        last = httpx.get(url, params={"per_page": 50, "page": 3}, headers=auth)
    assert len(first.json()) == 50 and 'rel="next"' in first.headers["link"] and "page=2" in first.headers["link"]
    assert len(last.json()) == 30 and 'rel="next"' not in last.headers["link"] and 'rel="prev"' in last.headers["link"]
