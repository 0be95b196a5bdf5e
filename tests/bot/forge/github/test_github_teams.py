"""Team code owners on GitHub: membership from `GET /orgs/{org}/teams/{slug}/memberships/{user}`.

A prod fix owned by `@octo-org/payments` needs an approval from an ACTIVE member, checked on the
stand-in under a token with the organization permission `members: read` (its own, revoked);
without that permission the PR says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import git
import pytest

from bot.audit.log import AuditLog
from bot.forge.base import PrState
from bot.forge.identity import Membership
from bot.lifecycle.approvers import PERMISSION_NOTE
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.ledger import BotState
from bot.lifecycle.review import on_review
from bot.models.decision import Outcome
from tests.harness.github_standin.world import ALL_PERMISSIONS, World, world
from tests.harness.lifecycle import FakeChecker, FakePolicy, assessment

PROD = 'resource "aws_s3_bucket" "prod" {\n  acl = "public-read"\n}\n'
PROD_FIXED = 'resource "aws_s3_bucket" "prod" {\n  acl = "private"\n}\n'
FILES = {"prod/main.tf": PROD, "CODEOWNERS": "prod/ @octo-org/payments\n"}
OWNERS = {"prod/main.tf": ("@octo-org/payments",)}


def _world(tmp_path: Path, permissions: dict[str, str]) -> Iterator[World]:
    with world(tmp_path, FILES, permissions) as wd:
        wd.gh.add_team("octo-org", "payments", ["Dave"], pending=["erin"])
        yield wd
        assert not wd.gh.checker.violations, wd.gh.checker.violations
        assert not wd.gh.unrevoked_used_tokens(), "a token fixbot used was never revoked"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    yield from _world(tmp_path, {**ALL_PERMISSIONS, "members": "read"})


@pytest.fixture
def w_no_members(tmp_path: Path) -> Iterator[World]:
    yield from _world(tmp_path, ALL_PERMISSIONS)


def _pending_prod_fix(w: World, tmp_path: Path) -> tuple[Lifecycle, int]:
    forge = w.forge()
    local = git.Repo.init(tmp_path / "audit")
    policy = FakePolicy({"aws_s3_bucket.prod": Outcome.require_approval})
    lc = Lifecycle(forge=forge, audit=AuditLog(local, tmp_path / "state"), state=BotState(tmp_path / "state"),
                   decide=policy, owners_of=lambda path: OWNERS.get(path, ()), checker=FakeChecker(),
                   export=lambda sha, dest: dest)
    scan = policy.decide_all([assessment("aws_s3_bucket.prod", "prod/main.tf", PROD, PROD_FIXED)])
    number = run_fix(lc, scan, Options()).results[0].pr
    assert number is not None
    return lc, number


def test_only_an_active_team_members_approval_merges_the_prod_fix(w: World, tmp_path: Path) -> None:
    lc, number = _pending_prod_fix(w, tmp_path)
    # a non-member, a pending invitation, and a user whose login is the team's slug: none counts
    for login, why in (("mallory", ""), ("erin", "pending"), ("payments", "")):
        w.gh.approve(w.repo, number, login)
        result = on_review(lc, number)
        assert result.status == "awaiting_approval", login
        assert f"{login} does not own prod/main.tf" in result.detail and why in result.detail
        assert lc.forge.get_pr(number).state == PrState.open
    w.gh.approve(w.repo, number, "dave")  # the team lists "Dave": GitHub logins ignore case
    result = on_review(lc, number)
    assert result.status == "merged", result.detail
    asked = [r for r in w.gh.state.requests if r.pattern == "/orgs/{org}/teams/{team_slug}/memberships/{username}"]
    assert len(asked) == 4
    assert {w.gh.state.tokens[r.token].permissions.get("members") for r in asked if r.token} == {"read"}


def test_membership_answers_are_cached_for_minutes_at_most(w: World) -> None:
    forge = w.forge()
    now = [1000.0]
    forge.clock = lambda: now[0]  # type: ignore[method-assign]
    count = len(w.gh.state.requests)
    assert forge.team_membership("@octo-org/payments", "DAVE") is Membership.active
    assert forge.team_membership("octo-org/payments", "dave") is Membership.active  # cached
    asked = len([r for r in w.gh.state.requests[count:] if "/memberships/" in r.path])
    assert asked == 1
    w.gh.add_team("octo-org", "payments", [])  # dave leaves the team
    now[0] += 121
    assert forge.team_membership("octo-org/payments", "dave") is Membership.absent


def test_without_members_read_the_pr_says_so(w_no_members: World, tmp_path: Path) -> None:
    w = w_no_members
    lc, number = _pending_prod_fix(w, tmp_path)
    w.gh.approve(w.repo, number, "dave")
    result = on_review(lc, number)
    assert result.status == "awaiting_approval" and "could not be checked" in result.detail
    on_review(lc, number)  # a second review event: no second comment
    notes = [c for c in lc.forge.list_comments(number) if PERMISSION_NOTE in c.body]
    assert len(notes) == 1 and "members: read" in notes[0].body and "@octo-org/payments" in notes[0].body
