"""Ranking on a fixture with a known right answer (tests/fixtures/ranking, checkov's real output).

A prod bucket tagged restricted is made public by `acl = "public-read"` while its public-access
block has all four switches off; a bastion open on SSH to the internet runs with a role that
reads that bucket. The findings that make the restricted data reachable from the internet must
rank ahead of the hygiene findings (versioning, logging) on the same bucket.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models.report import Assessment
from bot.scan_stages import ScanRequest, scan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
BUCKET = "aws_s3_bucket.customer_data"
BLOCK = "aws_s3_bucket_public_access_block.customer_data"
BLOCK_RULES = ("CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")


@pytest.fixture(scope="module")
def ranked() -> list[Assessment]:
    request = ScanRequest(
        root=FIXTURES / "ranking", findings_files=(FIXTURES / "ranking-checkov.json",), run_checkov=False
    )
    outcome = scan(request)
    assert outcome.errors == ()
    return sorted(outcome.assessments, key=lambda a: -a.risk.score)


def _rank(ranked: list[Assessment], rule: str, resource: str) -> int:
    return next(i for i, a in enumerate(ranked) if (a.finding.rule_id, a.finding.resource) == (rule, resource))


def test_what_makes_restricted_data_public_ranks_ahead_of_hygiene_on_the_same_bucket(ranked: list[Assessment]) -> None:
    hygiene = min(_rank(ranked, rule, BUCKET) for rule in ("CKV_AWS_21", "CKV_AWS_18"))  # versioning, logging
    opening = [(rule, BLOCK) for rule in BLOCK_RULES]
    opening += [("CKV_AWS_20", BUCKET), ("CKV_AWS_24", "aws_security_group.bastion")]
    assert all(_rank(ranked, rule, res) < hygiene for rule, res in opening)
    top = {(a.finding.rule_id, a.finding.resource) for a in ranked[:5]}
    assert top <= {*opening, ("CKV2_AWS_6", BUCKET)}  # CKV2_AWS_6: the bucket has no effective block


def test_the_block_findings_carry_the_bucket_context_exposure_and_path(ranked: list[Assessment]) -> None:
    block = ranked[_rank(ranked, "CKV_AWS_53", BLOCK)]
    assert (block.finding.data_classification, block.finding.environment) == ("restricted", "prod")
    assert block.finding.internet_exposed
    assert block.attack_path == ("internet", BLOCK, BUCKET)
    exposure = next(f for f in block.risk.factors if f.name == "exposure")
    acl = "aws_s3_bucket_acl.customer_data"
    assert any(BLOCK in line and acl in line and BUCKET in line for line in exposure.evidence)
    crit = next(f for f in block.risk.factors if f.name == "criticality")
    assert any(f"from {BUCKET}" in line for line in crit.evidence)


def test_the_open_ssh_port_reaches_the_data_through_the_instance_role(ranked: list[Assessment]) -> None:
    ssh = ranked[_rank(ranked, "CKV_AWS_24", "aws_security_group.bastion")]
    assert BUCKET in {a.address for a in ssh.blast_radius.assets}
    cache = [a for a in ranked if a.finding.resource == "aws_s3_bucket.build_cache"]
    assert all(not a.finding.internet_exposed for a in cache)
    assert _rank(ranked, "CKV_AWS_24", "aws_security_group.bastion") < min(ranked.index(a) for a in cache)
