"""Dashboard and tickets kept on the GitHub stand-in through `GitHubForge` (contract-checked)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.dashboard import sync
from bot.dashboard.markers import DASHBOARD_LABEL, DASHBOARD_MARKER, TICKET_LABEL, TICKET_RESOLVED
from bot.dashboard.sync import DashboardSync
from bot.forge.github.permissions import DASHBOARD
from bot.models.report import Assessment
from tests.harness.dashboard import decided
from tests.harness.github_standin.state import Pull
from tests.harness.github_standin.world import World

HOT = decided("aws_s3_bucket.web", "CKV_AWS_20", 0.9)
CMK = decided("aws_ebs_volume.db", "CKV_AWS_189", 0.64, planned=False, missing=("kms_key_arn",))
CMK2 = decided("aws_ebs_volume.db", "CKV2_AWS_2", 0.4, planned=False)
LOOSE = decided("aws_s3_bucket.misc", "CKV_CUSTOM_1", 0.3, planned=False)
WRITES = ("POST", "PATCH", "PUT", "DELETE")


def run(w: World, assessments: Sequence[Assessment]) -> DashboardSync:
    forge = w.forge()
    with forge.action("dashboard", DASHBOARD):
        return sync(forge, w.repo.full_name, assessments, forge.list_prs(), commit="c" * 40, policy_version="v1")


def writes(w: World, since: int) -> list[tuple[str, str | None, int]]:
    return [c for c in w.gh.api_calls(since) if c[0] in WRITES]


def test_first_sync_opens_the_dashboard_and_one_ticket_per_resource(w: World) -> None:
    result = run(w, [HOT, CMK, CMK2, LOOSE])
    (dash,) = w.gh.issues(w.repo, DASHBOARD_LABEL)
    assert result.action == "created" and dash.number == result.number and dash.title == "fixbot dashboard"
    assert dash.body.startswith(DASHBOARD_MARKER) and dash.user == "fixbot[bot]"
    tickets = {t.title: t for t in w.gh.issues(w.repo, TICKET_LABEL)}
    assert set(tickets) == {"fixbot: no automatic fix for aws_ebs_volume.db",
                            "fixbot: no automatic fix for aws_s3_bucket.misc"}
    db = tickets["fixbot: no automatic fix for aws_ebs_volume.db"].body
    assert db.count("### ") == 3 and db.index("CKV\\_AWS\\_189") < db.index("CKV2\\_AWS\\_2")  # riskiest first
    assert "missing parameter `kms_key_arn`: ARN or reference of the customer managed KMS key" in db
    assert "`parameters:` → `ebs_volume_cmk:` → `kms_key_arn:`" in db and "**exposure** 1.00 x weight 0.20" in db
    assert "recommendation: " in db and "Risk 0.64 (high)" in db
    assert f"ticket #{tickets['fixbot: no automatic fix for aws_ebs_volume.db'].number}" in dash.body


def test_a_second_sync_of_the_same_scan_edits_nothing(w: World) -> None:
    run(w, [HOT, CMK, LOOSE])
    mark = len(w.gh.state.requests)
    again = run(w, [HOT, CMK, LOOSE])
    assert again.action == "unchanged" and sorted(again.tickets.unchanged) == sorted(again.tickets.numbers.values())
    assert writes(w, mark) == []  # no PATCH, no POST: only the listings
    assert {c[1] for c in w.gh.api_calls(mark)} == {"/repos/{owner}/{repo}/issues", "/repos/{owner}/{repo}/pulls"}


def test_a_changed_scan_patches_the_dashboard_once(w: World) -> None:
    first = run(w, [HOT])
    mark = len(w.gh.state.requests)
    later = run(w, [HOT, decided("aws_s3_bucket.new", "CKV_AWS_20", 0.5)])
    assert later.action == "updated" and later.number == first.number
    assert writes(w, mark) == [("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", 200)]
    assert "aws\\_s3\\_bucket.new" in w.repo.issues[first.number].body


def test_ticket_closed_when_the_finding_disappears_and_reopened_when_it_returns(w: World) -> None:
    number = run(w, [HOT, CMK]).tickets.numbers["aws_ebs_volume.db"]
    gone = run(w, [HOT])
    ticket = w.repo.issues[number]
    assert gone.tickets.closed == [number] and ticket.state == "closed" and ticket.state_reason == "completed"
    assert "no longer finds" in w.repo.comments[number][-1].body and TICKET_RESOLVED in ticket.body
    assert run(w, [HOT]).tickets.closed == []  # closed once
    back = run(w, [HOT, CMK])
    assert back.tickets.reopened == [number] and w.repo.issues[number].state == "open"
    assert "reported again" in w.repo.comments[number][-1].body
    assert len(w.gh.issues(w.repo, TICKET_LABEL)) == 1  # de-duplicated across all four scans


def test_a_ticket_a_human_closed_stays_closed_and_is_not_duplicated(w: World) -> None:
    number = run(w, [CMK]).tickets.numbers["aws_ebs_volume.db"]
    w.gh.human_close(w.repo, number, "alice")
    mark = len(w.gh.state.requests)
    again = run(w, [CMK])
    assert again.tickets.unchanged == [number] and w.repo.issues[number].state == "closed"
    assert writes(w, mark) == [] and len(w.gh.issues(w.repo, TICKET_LABEL)) == 1


def test_renamed_or_closed_dashboard_is_restored_and_a_human_lookalike_is_not_adopted(w: World) -> None:
    first = run(w, [HOT])
    fake = max(w.repo.issues) + 1
    w.repo.issues[fake] = Pull(fake, "fixbot dashboard", DASHBOARD_MARKER + "\nmine", "", "", "mallory",
                               labels=[DASHBOARD_LABEL])
    w.repo.issues[first.number].title = "my notes"
    assert run(w, [HOT]).action == "updated" and w.repo.issues[first.number].title == "fixbot dashboard"
    w.gh.human_close(w.repo, first.number, "alice")
    assert run(w, [HOT]).action == "reopened" and w.repo.issues[first.number].state == "open"
    assert w.repo.issues[fake].body.endswith("mine")  # never touched


def test_a_duplicate_dashboard_from_concurrent_runs_is_closed(w: World) -> None:
    first = run(w, [HOT])
    forge = w.forge()
    dup = forge.create_issue("fixbot dashboard", w.repo.issues[first.number].body, [DASHBOARD_LABEL])
    again = run(w, [HOT])
    assert again.number == first.number and again.action == "unchanged"
    assert w.repo.issues[dup.number].state == "closed" and w.repo.issues[dup.number].state_reason == "not_planned"
    assert f"Duplicate of #{first.number}" in w.repo.comments[dup.number][-1].body
