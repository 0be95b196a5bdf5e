"""The server re-renders the dashboard after a chain run; a GitHub failure there never fails the run."""

from __future__ import annotations

from bot.dashboard.markers import DASHBOARD_LABEL
from bot.server.dashboard import refresh_dashboard
from tests.harness.dashboard import decided
from tests.harness.github_standin import Fault
from tests.harness.github_standin.world import World

HOT = decided("aws_s3_bucket.web", "CKV_AWS_20", 0.9)


def test_refresh_writes_the_dashboard_under_one_narrow_token(w: World) -> None:
    before = len(w.gh.tokens())
    summary = refresh_dashboard(w.forge(), w.ref, [HOT], [], "v1")
    assert summary.startswith("dashboard #") and len(w.gh.issues(w.repo, DASHBOARD_LABEL)) == 1
    (token,) = w.gh.tokens()[before:]
    assert token.permissions == {"issues": "write", "pull_requests": "read"} and token.revoked


def test_a_github_outage_is_reported_not_raised(w: World) -> None:
    w.gh.inject(Fault(500, "GET /repos/octo-org/infra/issues", times=20))
    summary = refresh_dashboard(w.forge(), w.ref, [HOT], [], "v1")
    assert summary.startswith("dashboard not updated:") and w.gh.issues(w.repo) == []
