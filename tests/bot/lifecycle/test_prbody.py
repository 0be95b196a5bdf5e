from __future__ import annotations

import os
import re
from pathlib import Path

from bot.lifecycle.items import FixItem
from bot.lifecycle.naming import decode_meta, encode_meta, fix_branch
from bot.lifecycle.prbody import fence_for, render_fix_body
from bot.models.decision import Decision, Outcome, Reason
from bot.models.risk import Factor, Risk
from tests.harness.lifecycle import assessment

SNAPSHOT = Path(__file__).parent / "snapshots" / "pr_body.md"
EVIL = "pwn @admin [click](https://evil.example) <img src=x onerror=alert(1)> ``` -->"


def _item(title: str = "S3 bucket allows public read", diff_extra: str = "") -> FixItem:
    a = assessment("aws_s3_bucket.dev", "dev/main.tf", 'acl = "public-read"\n', 'acl = "private"\n')
    finding = a.finding.model_copy(update={"title": title})
    risk = Risk(score=0.42, factors=(
        Factor(name="exposure", weight=0.2, value=1.0, evidence=("internet-facing via aws_lb.public",)),
        Factor(name="severity", weight=0.25, value=0.75, evidence=("severity high",)),
    ))
    decision = Decision(outcome=Outcome.allow, policy_version="sha256:abc",
                        reasons=(Reason(rule="block_public_access_non_prod", message="dev bucket, reversible"),))
    plan = a.plan.model_copy(update={"diff": a.plan.diff + diff_extra}) if a.plan else None
    a = a.model_copy(update={"finding": finding, "risk": risk, "decision": decision, "plan": plan,
                             "attack_path": ("internet", "aws_lb.public", "aws_s3_bucket.dev")})
    return FixItem(resource="aws_s3_bucket.dev", assessments=(a,))


def test_body_matches_the_snapshot() -> None:
    item = _item()
    body = render_fix_body(item, item.meta(), failures=("drift on acl",))
    if os.environ.get("FIXBOT_UPDATE_SNAPSHOTS") == "1":  # then review the diff like code
        SNAPSHOT.write_text(body)
    assert body == SNAPSHOT.read_text()


def test_untrusted_text_cannot_inject_markup_mentions_links_or_the_marker() -> None:
    item = _item(title=EVIL, diff_extra="\n+ ```` closing fence attempt")
    body = render_fix_body(item, item.meta())
    assert "@admin" not in body and "@\u200badmin" in body
    assert "](https://" not in body and "https://evil" not in body
    assert re.search(r"(?<!\\)<img", body) is None  # only the escaped, literal form remains
    assert body.count("<!-- fixbot-meta") == 1
    assert "`````diff" in body  # the fence outgrows the longest backtick run in the diff
    meta = decode_meta(body)
    assert meta is not None and meta.resource == "aws_s3_bucket.dev"


def test_marker_round_trips_and_resists_comment_breakout() -> None:
    meta = _item().meta().model_copy(update={"resource": "x --> <b>y</b>"})
    text = encode_meta(meta)
    assert text.count("-->") == 1 and "<b>" not in text
    assert decode_meta(f"body\n{text}\n") == meta


def test_branch_names_never_carry_untrusted_text() -> None:
    name = fix_branch("Block Public; rm -rf /", "aws_s3_bucket.x\n@evil")
    assert name.startswith("fixbot/block_public_rm_rf/") and "\n" not in name and "@" not in name
    assert fence_for("no backticks") == "```"
