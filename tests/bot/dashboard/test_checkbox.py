"""Only a box fixbot rendered, unticked before and ticked after the edit, requests a fix."""

from __future__ import annotations

from bot.dashboard import build_view, render_dashboard
from bot.dashboard.checkbox import Ticked, ticked, untick
from bot.dashboard.markers import checkbox
from bot.forge.base import PrState
from tests.harness.dashboard import decided, fix_pr

A = decided("aws_s3_bucket.a", "CKV_AWS_20", 0.9)
B = decided("aws_s3_bucket.b", "CKV_AWS_20", 0.8)
C = decided("aws_s3_bucket.c", "CKV_AWS_20", 0.7)  # has an open PR: no box


def _body() -> str:
    return render_dashboard(build_view("o/r", [A, B, C], [fix_pr(1, C, PrState.open)]))


def tick(body: str, fid: str) -> str:
    return body.replace(checkbox(fid), checkbox(fid, ticked=True))


def test_a_newly_ticked_box_names_its_finding_and_resource() -> None:
    before = _body()
    assert ticked(before, tick(before, A.finding.id)) == [Ticked(A.finding.id, "aws_s3_bucket.a")]


def test_boxes_already_ticked_before_the_edit_do_not_count_again() -> None:
    before = tick(_body(), A.finding.id)
    after = tick(before, B.finding.id)
    assert ticked(before, after) == [Ticked(B.finding.id, "aws_s3_bucket.b")]


def test_unticking_or_an_unchanged_body_requests_nothing() -> None:
    body = _body()
    assert ticked(body, body) == []
    assert ticked(tick(body, A.finding.id), body) == []


def test_boxes_added_by_hand_and_unknown_ids_are_ignored() -> None:
    before = _body()
    forged = f"{before}\n- [x] <!-- fixbot:fix:{C.finding.id} -->\n- [x] <!-- fixbot:fix:0000000000000000 -->\n"
    assert ticked(before, forged) == []
    # a forged unticked row in the previous body is still unknown: the rows marker did not list it
    prior = before.replace("## Awaiting", f"- [ ] <!-- fixbot:fix:{C.finding.id} -->\n## Awaiting")
    assert ticked(prior, tick(prior, C.finding.id)) == []


def test_bodies_without_the_dashboard_marker_are_ignored() -> None:
    before = _body().replace("<!-- fixbot-dashboard:v1 -->", "")
    assert ticked(before, tick(before, A.finding.id)) == []


def test_untick_clears_only_the_handled_rows() -> None:
    body = tick(tick(_body(), A.finding.id), B.finding.id)
    cleared = untick(body, {A.finding.id})
    assert checkbox(A.finding.id) in cleared and checkbox(B.finding.id, ticked=True) in cleared
    assert untick(cleared, {A.finding.id}) == cleared
