"""Identities: an approver is a user login (never a team, an e-mail or a spelling variant of either),
compared case-insensitively; a team owns through the local forge's team map only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli.main import main
from bot.errors import InputError
from bot.forge.base import PrState, ReviewState
from bot.forge.identity import Membership, OwnerKind, parse_owner, require_login
from bot.forge.local import LocalForge
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.lifecycle.review import on_review
from bot.models.decision import Outcome
from tests.bot.lifecycle.conftest import PROD, PROD_FIXED
from tests.harness.lifecycle import FakePolicy, assessment, make_lifecycle


def _pending(repo: Path, owners: tuple[str, ...]) -> tuple[Lifecycle, LocalForge, int]:
    policy = FakePolicy({"aws_s3_bucket.prod": Outcome.require_approval})
    lc = make_lifecycle(repo, policy, owners={"prod/main.tf": owners})
    assert isinstance(lc.forge, LocalForge)
    scan = policy.decide_all([assessment("aws_s3_bucket.prod", "prod/main.tf", PROD, PROD_FIXED)])
    number = run_fix(lc, scan, Options()).results[0].pr
    assert number is not None
    return lc, lc.forge, number


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("@acme/payments-platform", "is a team, not a user"),
        ("acme/payments-platform", "is a team, not a user"),
        ("carol@example.com", "is an e-mail address"),
        ("carol ", "not a valid user login"),
        ("c\u0430rol", "not a valid user login"),  # Cyrillic a
        ("carol\u200b", "not a valid user login"),  # zero-width space
        ("-carol", "not a valid user login"),
        ("", "not a valid user login"),
    ],
)
def test_only_a_login_can_approve(text: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        require_login(text)


def test_approving_as_a_team_name_is_refused_and_merges_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, forge, number = _pending(repo, ("@acme/payments-platform",))
    forge.set_team("@acme/payments-platform", ["carol"])
    assert main(["approve", str(number), str(repo), "--as", "@acme/payments-platform"]) == 2
    assert "is a team, not a user" in capsys.readouterr().err
    assert forge.list_reviews(number) == [] and forge.get_pr(number).state == PrState.open


def test_a_review_recorded_under_a_team_name_does_not_count(repo: Path) -> None:
    lc, forge, number = _pending(repo, ("@acme/payments-platform",))
    with pytest.raises(InputError):
        forge.add_review(number, "acme/payments-platform", ReviewState.approved)
    head = forge.get_pr(number).head_sha
    with forge.store.transaction() as st:  # even if forge.json was edited by hand
        st["reviews"][str(number)] = [{"user": "acme/payments-platform", "state": "approved", "commit_sha": head,
                                       "submitted_at": "2026-01-01T00:00:00Z"}]
    result = on_review(lc, number)
    assert result.status == "awaiting_approval" and "is not a user login" in result.detail


def test_logins_compare_case_insensitively_like_github(repo: Path) -> None:
    lc, forge, number = _pending(repo, ("@Carol",))
    forge.add_review(number, "CAROL", ReviewState.approved)
    assert on_review(lc, number).status == "merged"


def test_a_team_member_of_the_local_team_map_approves_case_insensitively(repo: Path) -> None:
    lc, forge, number = _pending(repo, ("@Acme/Payments",))
    forge.set_team("@acme/payments", ["Dave"])
    assert forge.team_membership("ACME/PAYMENTS", "dave") is Membership.active
    forge.add_review(number, "mallory", ReviewState.approved)
    assert on_review(lc, number).status == "awaiting_approval"
    forge.add_review(number, "dave", ReviewState.approved)
    assert on_review(lc, number).status == "merged"


def test_an_email_owner_or_its_spelling_never_matches_a_login(repo: Path) -> None:
    lc, forge, number = _pending(repo, ("carol@example.com",))
    forge.add_review(number, "carol", ReviewState.approved)
    result = on_review(lc, number)
    assert result.status == "awaiting_approval" and "is an e-mail address" in result.detail


def test_the_team_map_holds_logins_only(repo: Path) -> None:
    forge = LocalForge(repo)
    with pytest.raises(InputError, match="team member 'acme/other' is a team"):
        forge.set_team("@acme/payments", ["carol", "acme/other"])
    with pytest.raises(InputError, match="not a team"):
        forge.set_team("payments", ["carol"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [("@carol", OwnerKind.user), ("@acme/payments", OwnerKind.team), ("carol@example.com", OwnerKind.email),
     ("@acme/", OwnerKind.invalid), ("carol", OwnerKind.invalid), ("@fixbot[bot]", OwnerKind.user)],
)
def test_codeowners_entries_are_classified(text: str, kind: OwnerKind) -> None:
    assert parse_owner(text).kind is kind
