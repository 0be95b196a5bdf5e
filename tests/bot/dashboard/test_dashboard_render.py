"""The dashboard body: sections, risk order, states from PRs and lifecycle memory, escaping."""

from __future__ import annotations

import re

from bot.dashboard import build_view, render_dashboard
from bot.dashboard.markers import boxes, read_rows
from bot.forge.base import PrState
from bot.lifecycle.ledger import ItemState
from bot.models.decision import Outcome
from tests.harness.dashboard import HOSTILE, decided, fix_pr

SECTIONS = ["## Open findings by risk", "## Awaiting approval", "## Denied by policy",
            "## Needs a human (no automatic fix)", "## Recently verified and reverted"]


def _scene() -> tuple[list, list, list]:
    low = decided("aws_s3_bucket.logs", "CKV_AWS_18", 0.31)
    hostile = decided("aws_s3_bucket.web", "CKV_AWS_20", 0.93, Outcome.require_approval, title=HOSTILE,
                      policy_rule="prod_change")
    denied = decided("aws_iam_policy.admin", "CKV_AWS_1", 0.72, Outcome.deny, policy_rule="high_blast_radius")
    open_pr = decided("aws_s3_bucket.data", "CKV_AWS_21", 0.55)
    no_fix = decided("aws_ebs_volume.db", "CKV_AWS_189", 0.64, planned=False, missing=("kms_key_arn",))
    merged = decided("aws_s3_bucket.old", "CKV_AWS_19", 0.2)
    prs = [fix_pr(3, hostile, reviewers=("alice", "@octo-org/platform")), fix_pr(4, open_pr),
           fix_pr(1, merged, PrState.merged), fix_pr(2, low, PrState.merged),
           fix_pr(5, low, PrState.merged, kind="revert", reverts=2)]
    states = [ItemState(resource="aws_s3_bucket.old", status="verified", pr=1)]
    return [low, hostile, denied, open_pr, no_fix], prs, states


def _body() -> str:
    assessments, prs, states = _scene()
    view = build_view("octo-org/infra", assessments, prs, states, {"aws_ebs_volume.db": 9}, "c" * 40, "v1")
    return render_dashboard(view)


def _section(body: str, title: str) -> str:
    start = body.index(title)
    nxt = [body.index(s) for s in SECTIONS if body.index(s) > start]
    return body[start: min(nxt) if nxt else len(body)]


def test_sections_in_order_and_findings_by_descending_risk() -> None:
    body = _body()
    assert [body.index(s) for s in SECTIONS] == sorted(body.index(s) for s in SECTIONS)
    scores = [float(m) for m in re.findall(r"\*\*(\d\.\d\d) (?:critical|high|medium|low)\*\*",
                                           _section(body, SECTIONS[0]))]
    assert scores == [0.93, 0.72, 0.64, 0.55, 0.31]
    assert "**0.93 critical**" in body and "**0.31 low**" in body


def test_each_row_shows_decision_pr_and_state() -> None:
    body = _body()
    rows = {line.split(" on ")[1].split(" · ")[0]: line for line in _section(body, SECTIONS[0]).splitlines()
            if " · rule " in line}
    assert "PR #3 (open)" in rows["aws\\_s3\\_bucket.web"] and "require approval (prod\\_change)" in rows[
        "aws\\_s3\\_bucket.web"]
    assert "PR #4 (open)" in rows["aws\\_s3\\_bucket.data"] and "allow (test.rule)" in rows["aws\\_s3\\_bucket.data"]
    assert "deny (high\\_blast\\_radius)" in rows["aws\\_iam\\_policy.admin"]
    assert "ticket #9" in rows["aws\\_ebs\\_volume.db"]
    # logs' fix was merged then reverted: no current PR, so it is requestable again
    assert rows["aws\\_s3\\_bucket.logs"].startswith("- [ ] <!-- fixbot:fix:")


def test_only_actionable_rows_have_a_checkbox_and_the_marker_maps_them() -> None:
    body = _body()
    assessments, _, _ = _scene()
    logs = assessments[0]
    assert boxes(body) == {logs.finding.id: False}
    assert read_rows(body) == {logs.finding.id: "aws_s3_bucket.logs"}


def test_awaiting_denied_tickets_and_history_lists() -> None:
    body = _body()
    awaiting = _section(body, SECTIONS[1])
    assert "#3 (open), review requested from alice, @\u200bocto-org/platform" in awaiting
    denied = _section(body, SECTIONS[2])
    assert "aws\\_iam\\_policy.admin" in denied and "rule high\\_blast\\_radius: high\\_blast\\_radius fired" in denied
    assert "ticket #9" in _section(body, SECTIONS[3])
    history = _section(body, SECTIONS[4])
    assert "#2 (merged) on aws\\_s3\\_bucket.logs: **reverted** (revert #5 (merged))" in history
    assert "#1 (merged) on aws\\_s3\\_bucket.old: **verified**" in history
    assert history.index("#2 (merged)") < history.index("#1 (merged)")  # most recent first


def test_hostile_title_cannot_mention_link_or_forge_a_checkbox() -> None:
    body = _body()
    assert "@octo-org" not in body.replace("@\u200bocto-org", "")  # every mention is broken
    assert "](https://evil" not in body and "https://evil" not in body
    assert "\\[click\\]" in body and "\\*\\*bold\\*\\*" in body
    assert "deadbeef" not in boxes(body) and "deadbeef" not in read_rows(body)
    assert body.count("<!--") == body.count("-->")  # no comment left open or closed by finding text
    assert "\\<\\!-- x --\\>" in body  # shown as text, not an HTML comment


def test_rendering_is_deterministic() -> None:
    assert _body() == _body()


def test_empty_scan_renders_a_quiet_dashboard() -> None:
    body = render_dashboard(build_view("octo-org/infra", [], []))
    assert "No open findings." in body and "Nothing was denied." in body and boxes(body) == {}


def test_a_huge_scan_stays_under_githubs_body_limit() -> None:
    many = [decided(f"aws_s3_bucket.b{i}", "CKV_AWS_20", 0.5, title="x" * 400) for i in range(400)]
    body = render_dashboard(build_view("octo-org/infra", many, []))
    assert len(body) <= 65_000 and "lower-risk finding(s) not shown" in body
    assert len(boxes(body)) == len(read_rows(body)) > 0  # every shown box is known to the handler


def test_a_finding_id_that_could_break_a_marker_gets_no_checkbox() -> None:
    a = decided("aws_s3_bucket.odd", "CKV_AWS_20", 0.5)
    odd = a.model_copy(update={"finding": a.finding.model_copy(update={"id": "x --> <b>hi</b>"})})
    body = render_dashboard(build_view("octo-org/infra", [odd], []))
    assert boxes(body) == {} and read_rows(body) == {} and "<b>" not in body
    assert "- **0.50 medium**" in body  # still listed, as text
