"""End to end: the PR caps count every open fixbot PR, however many pages GitHub splits them into."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot.forge.github.test_github_pagination import seed_fixbot_prs
from tests.bot.server.test_e2e_events import install
from tests.harness.github_standin.webhooks import hooks
from tests.harness.github_standin.world import World

pytestmark = pytest.mark.checkov


def test_130_open_fixbot_prs_keep_the_open_cap_closed(infra: World, tmp_path: Path) -> None:
    w = infra
    seed_fixbot_prs(w, 130)  # opened long ago: only the open-PR cap (120 here) applies
    with hooks(w, tmp_path, max_open_prs=120) as h:
        assert install(h, w) == 202
    assert len(w.gh.pulls(w.repo)) == 130  # reading only the first page (100) would have opened the 2 fixes
    listed = [c for c in w.gh.api_calls() if c[1] == "/repos/{owner}/{repo}/pulls" and c[0] == "GET"]
    assert listed and len(listed) % 2 == 0  # every listing read both pages
