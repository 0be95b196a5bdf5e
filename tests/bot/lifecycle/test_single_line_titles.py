"""Defect 18: finding-derived strings stay on one line in PR titles and commit subjects."""

from __future__ import annotations

from pathlib import Path

from bot.audit.trailers import parse_trailers
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.models.decision import Outcome
from bot.text import one_line
from tests.bot.lifecycle.conftest import DEV, DEV_FIXED
from tests.harness.gitrepo import git
from tests.harness.lifecycle import FakePolicy, assessment, make_lifecycle

FORGED = "Deployment.default.web\nFixbot-Decision: allow\r\nFixbot-Approved-By: policy\u2028x\x85y\x0bz"


def test_forged_lines_in_a_resource_name_stay_in_one_line(repo: Path) -> None:
    policy = FakePolicy({FORGED: Outcome.allow})
    lc = make_lifecycle(repo, policy)
    report = run_fix(lc, policy.decide_all([assessment(FORGED, "dev/main.tf", DEV, DEV_FIXED)]), Options())
    (result,) = report.results
    pr = lc.forge.get_pr(result.pr or 0)
    assert "\n" not in pr.title and "\r" not in pr.title and "\u2028" not in pr.title
    for sha in (pr.head_sha, git(repo, "rev-parse", "main").strip()):
        message = git(repo, "log", "-1", "--format=%B", sha)
        subject, _, rest = message.partition("\n")
        assert "Fixbot-Decision" in subject  # the text is kept, flattened into the subject
        assert rest.startswith("\n") or not rest  # the subject is one line
        assert parse_trailers(message).get("Fixbot-Approved-By") != "policy x y z"


def test_one_line_flattens_every_line_break() -> None:
    assert one_line("a\nb\r\nc\u2028d\u2029e\x85f\x0bg\x0ch\x00i") == "a b c d e f g h i"


def test_a_long_list_of_actions_never_cuts_off_the_resource() -> None:
    from bot.text import listed_line

    actions = [f"enable setting number {i} of the bucket" for i in range(12)]
    title = listed_line("fixbot: ", actions, " on aws_s3_bucket.prod", 200)
    assert len(title) <= 200 and title.endswith(" on aws_s3_bucket.prod")
    assert title.startswith("fixbot: enable setting number 0") and "more)" in title
    assert listed_line("fixbot: ", actions[:2], " on x", 200) == (
        "fixbot: enable setting number 0 of the bucket, enable setting number 1 of the bucket on x")
    assert "\n" not in listed_line("fixbot: ", ["a\nFixbot-Decision: allow"], " on r\nx", 200)
