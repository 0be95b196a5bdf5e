"""Simulated checks of settings held by a sibling resource (S3 notifications, lifecycle abort rules,
AWS Backup selections), run on the golden cases applied to the simulated cloud: before the fix
failed, after it verified, and gone from the live state unverifiable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.inventory.terraform import parse_terraform
from bot.models.resource import Inventory, Resource
from bot.provider import CheckStatus, SimulatedProvider, Why, apply_simulated
from bot.provider.simulated_checks import REGISTRY

CASES = Path(__file__).resolve().parents[2] / "rewriters" / "cases"
SIBLING_CASES = [
    "s3_event_notifications/basic", "s3_event_notifications/v3_inline",
    "s3_abort_incomplete_uploads/basic", "s3_abort_incomplete_uploads/v3_inline",
    "backup_selection/basic", "backup_selection/ebs",
]


def _applied(tmp_path: Path, case: str, when: str) -> tuple[SimulatedProvider, Resource, str]:
    text = (CASES / case / f"{when}.tf").read_text(encoding="utf-8")
    resources = parse_terraform(text.encode("utf-8"), "main.tf").resources
    address = json.loads((CASES / case / "finding.json").read_text(encoding="utf-8"))["resource"]
    path = tmp_path / when / "cloud-state.json"
    path.parent.mkdir()
    apply_simulated(path, Inventory(root=".", resources=tuple(resources)), "c0ffee")
    target = next(r for r in resources if r.address == address)
    return SimulatedProvider(path), target, case.split("/")[0]


@pytest.mark.parametrize("case", SIBLING_CASES)
def test_before_fails_with_evidence_and_after_is_verified(tmp_path: Path, case: str) -> None:
    for when, want in (("before", CheckStatus.failed), ("after", CheckStatus.verified)):
        provider, target, check = _applied(tmp_path, case, when)
        assert REGISTRY.get(check, target.type) is not None, target.type
        (named,) = [r for r in provider.check(check, [target]).results if r.check == check]
        assert named.status is want, (when, named.line())
        assert named.evidence, named.line()


def test_a_resource_missing_from_the_live_state_is_unverifiable(tmp_path: Path) -> None:
    provider, target, check = _applied(tmp_path, "backup_selection/ebs", "after")
    gone = target.model_copy(update={"address": "aws_ebs_volume.elsewhere", "name": "elsewhere"})
    (named,) = [r for r in provider.check(check, [gone]).results if r.check == check]
    assert named.status is CheckStatus.unverifiable and named.why is Why.not_found
