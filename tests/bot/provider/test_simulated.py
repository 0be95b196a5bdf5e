from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import InputError
from bot.models.common import LineSpan
from bot.models.resource import IacKind, Inventory, Resource
from bot.provider import Provider, SimulatedProvider, apply_simulated, inject_drift


def _res(address: str, type_: str, attributes: dict[str, object]) -> Resource:
    return Resource(address=address, kind=IacKind.terraform, type=type_, name=address.split(".")[-1],
                    file="main.tf", line=LineSpan(start=1, end=2), byte_start=0, byte_end=1, attributes=attributes)


PAB = _res("aws_s3_bucket_public_access_block.b", "aws_s3_bucket_public_access_block",
           {"block_public_acls": True, "block_public_policy": True, "ignore_public_acls": True,
            "restrict_public_buckets": True})
SG = _res("aws_security_group.ssh", "aws_security_group",
          {"ingress": [{"from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]}]})


@pytest.fixture
def state(tmp_path: Path) -> Path:
    path = tmp_path / "cloud-state.json"
    apply_simulated(path, Inventory(root=".", resources=(PAB, SG)), "abc123")
    return path


def test_applied_state_is_terraform_show_json_shaped(state: Path) -> None:
    provider = SimulatedProvider(state)
    assert isinstance(provider, Provider)
    assert provider.applied_commit() == "abc123"
    assert provider.live()["aws_security_group.ssh"]["ingress"][0]["from_port"] == 22
    assert provider.check("s3_public_access_blocked", [PAB, SG]).ok


def test_drift_is_detected_by_the_named_and_the_generic_check(state: Path) -> None:
    assert inject_drift(state, "aws_s3_bucket_public_access_block.b:block_public_policy=false").endswith("false")
    result = SimulatedProvider(state).check("s3_public_access_blocked", [PAB])
    assert not result.ok
    assert any("block_public_policy not enabled" in p for p in result.problems)
    assert any("live False != configured True" in p for p in result.problems)


def test_sg_open_to_the_world_fails_the_port_check(state: Path) -> None:
    inject_drift(state, 'aws_security_group.ssh:ingress=[{"from_port": 0, "to_port": 65535, '
                        '"cidr_blocks": ["0.0.0.0/0"]}]')
    result = SimulatedProvider(state).check("sg_no_public_port_22", [SG])
    assert not result.ok and "port 22 open to 0.0.0.0/0" in result.detail


def test_missing_state_or_resource_fails_verification(tmp_path: Path, state: Path) -> None:
    assert not SimulatedProvider(tmp_path / "none.json").check("x", [PAB]).ok
    other = _res("aws_s3_bucket.new", "aws_s3_bucket", {})
    assert "not present in the live state" in SimulatedProvider(state).check("x", [other]).detail


def test_bad_drift_specs_name_the_input(state: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ADDRESS:attr=value"):
        inject_drift(state, "nonsense")
    with pytest.raises(InputError, match="no resource"):
        inject_drift(state, "aws_s3_bucket.nope:acl=private")
    with pytest.raises(InputError, match="apply"):
        inject_drift(tmp_path / "missing.json", "a.b:c=d")
