"""The ledger's statuses are an enum on the way in and the same strings on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.lifecycle.ledger import BotState, ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult, MergeStatus


def test_status_is_stored_as_its_string_and_read_back_as_the_enum(tmp_path: Path) -> None:
    state = BotState(tmp_path)
    state.update("aws_s3_bucket.logs", status=ItemStatus.verify_failed, pr=3)
    on_disk = json.loads((tmp_path / "lifecycle.json").read_text(encoding="utf-8"))
    assert on_disk["items"]["aws_s3_bucket.logs"]["status"] == "verify_failed"
    item = state.get("aws_s3_bucket.logs")
    assert item is not None and item.status is ItemStatus.verify_failed


def test_a_file_written_with_plain_strings_still_loads(tmp_path: Path) -> None:
    raw = {"schema": 1, "items": {"r": {"resource": "r", "status": "reverting", "pr": 1}}}
    (tmp_path / "lifecycle.json").write_text(json.dumps(raw), encoding="utf-8")
    assert [i.status for i in BotState(tmp_path).all()] == [ItemStatus.reverting]


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="half_merged"):
        BotState(tmp_path).update("r", status="half_merged")
    with pytest.raises(ValueError):
        ItemState(resource="r", status="half_merged")  # type: ignore[arg-type]


def test_merge_status_reads_as_its_string() -> None:
    result = MergeResult(MergeStatus.awaiting_approval, "needs an owner")
    assert f"{result.status}" == "awaiting_approval" and json.dumps(result.status) == '"awaiting_approval"'
