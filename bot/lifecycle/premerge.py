"""Pre-merge checks on a PR's head SHA, recorded as a check run on that SHA."""

from __future__ import annotations

from collections.abc import Sequence

from bot.forge.base import CheckConclusion, PullRequest
from bot.lifecycle.context import CheckOutcome, CheckRequest, Lifecycle
from bot.tempdirs import run_dir

CHECK_NAME = "fixbot/pre-merge"


def unqualified(address: str) -> str:
    """`envs/prod:aws_s3_bucket.data` → `aws_s3_bucket.data` (how checkov spells it)."""
    return address.rsplit(":", 1)[-1]


def run_checks(
    lc: Lifecycle, pr: PullRequest, base_sha: str, rules: Sequence[str], resource: str,
    allowed_regressions: Sequence[str] = (),
) -> CheckOutcome:
    """Check `pr.head_sha` against `base_sha` and record the result on the head SHA."""
    files = tuple(lc.forge.changed_files(pr.number))
    lc.forge.set_check(pr.head_sha, CHECK_NAME, CheckConclusion.pending, "running")
    with run_dir("check") as tmp:
        base_dir = lc.export(base_sha, tmp / "base")
        head_dir = lc.export(pr.head_sha, tmp / "head")
        request = CheckRequest(
            base_dir=str(base_dir), head_dir=str(head_dir), files=files, rules=tuple(rules),
            resource=unqualified(resource), allowed_regressions=tuple(allowed_regressions),
        )
        outcome = lc.checker(request)
    conclusion = CheckConclusion.success if outcome.ok else CheckConclusion.failure
    lc.forge.set_check(pr.head_sha, CHECK_NAME, conclusion, outcome.summary)
    return outcome


def green_on(lc: Lifecycle, sha: str) -> bool:
    runs = [c for c in lc.forge.list_checks(sha) if c.name == CHECK_NAME]
    return bool(runs) and runs[-1].conclusion == CheckConclusion.success
