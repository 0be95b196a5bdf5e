from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import InputError
from bot.models.common import LineSpan
from bot.models.resource import IacKind, Inventory, Resource
from bot.provider import CheckStatus, Provider, SimulatedProvider, Why, apply_simulated, inject_drift


def _res(address: str, type_: str, attributes: dict[str, object], refs: tuple[str, ...] = ()) -> Resource:
    return Resource(address=address, kind=IacKind.terraform, type=type_, name=address.split(".")[-1],
                    file="main.tf", line=LineSpan(start=1, end=2), byte_start=0, byte_end=1, attributes=attributes,
                    references=refs)


BUCKET = _res("aws_s3_bucket.b", "aws_s3_bucket", {"bucket": "acme-b"})
PAB = _res("aws_s3_bucket_public_access_block.b", "aws_s3_bucket_public_access_block",
           {"bucket": "aws_s3_bucket.b.id", "block_public_acls": True, "block_public_policy": True,
            "ignore_public_acls": True, "restrict_public_buckets": True}, ("aws_s3_bucket.b",))
SG = _res("aws_security_group.ssh", "aws_security_group",
          {"ingress": [{"from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]})


@pytest.fixture
def state(tmp_path: Path) -> Path:
    path = tmp_path / "cloud-state.json"
    apply_simulated(path, Inventory(root=".", resources=(BUCKET, PAB, SG)), "abc123")
    return path


def test_applied_state_is_terraform_show_json_shaped_and_checks_read_it(state: Path) -> None:
    provider = SimulatedProvider(state)
    assert isinstance(provider, Provider)
    assert provider.applied_commit() == "abc123"
    assert provider.live()["aws_security_group.ssh"]["ingress"][0]["from_port"] == 22
    report = provider.check("s3_public_access_blocked", [BUCKET, PAB])
    assert report.ok, report.detail
    named = [r for r in report.results if r.check == "s3_public_access_blocked"]
    assert [r.resource for r in named] == ["aws_s3_bucket.b", "aws_s3_bucket_public_access_block.b"]
    assert named[0].evidence["block_public_policy"] is True  # the bucket's check read its sibling


def test_drift_fails_the_named_check_and_shows_as_its_own_drift_result(state: Path) -> None:
    assert inject_drift(state, "aws_s3_bucket_public_access_block.b:block_public_policy=false").endswith("false")
    report = SimulatedProvider(state).check("s3_public_access_blocked", [BUCKET, PAB])
    assert report.status is CheckStatus.failed
    by = {(r.check, r.resource): r for r in report.results}
    assert "block_public_policy not enabled" in by["s3_public_access_blocked", "aws_s3_bucket.b"].reason
    drift = by["config_drift", "aws_s3_bucket_public_access_block.b"]
    assert drift.status is CheckStatus.failed
    assert drift.evidence["block_public_policy"] == {"live": False, "configured": True}


def test_sg_open_to_the_world_fails_the_port_check(state: Path) -> None:
    inject_drift(state, 'aws_security_group.ssh:ingress=[{"from_port": 0, "to_port": 65535, '
                        '"cidr_blocks": ["0.0.0.0/0"]}]')
    report = SimulatedProvider(state).check("sg_no_public_port_22", [SG])
    assert not report.ok and "port 22 open to the internet" in report.detail


def test_an_unknown_check_is_unverifiable_never_verified(state: Path) -> None:
    report = SimulatedProvider(state).check("no_such_check", [SG])
    assert report.status is CheckStatus.unverifiable and not report.ok
    assert [r.why for r in report.results if r.check == "no_such_check"] == [Why.not_supported]


def test_missing_state_or_resource_is_unverifiable(tmp_path: Path, state: Path) -> None:
    nothing = SimulatedProvider(tmp_path / "none.json").check("s3_acl_not_public", [BUCKET])
    assert nothing.status is CheckStatus.unverifiable and nothing.results[0].why is Why.not_applied
    other = _res("aws_s3_bucket.new", "aws_s3_bucket", {})
    gone = SimulatedProvider(state).check("s3_acl_not_public", [other])
    assert gone.status is CheckStatus.unverifiable and gone.results[0].why is Why.not_found


def test_bad_drift_specs_name_the_input(state: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ADDRESS:attr=value"):
        inject_drift(state, "nonsense")
    with pytest.raises(InputError, match="no resource"):
        inject_drift(state, "aws_s3_bucket.nope:acl=private")
    with pytest.raises(InputError, match="apply"):
        inject_drift(tmp_path / "missing.json", "a.b:c=d")
