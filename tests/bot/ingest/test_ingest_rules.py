from __future__ import annotations

import pytest

from bot.models.common import Severity
from bot.rules import canonical_rule, default_severity, known_rule, rule_table, rule_title


@pytest.mark.parametrize(
    ("rule_id", "tool", "expected"),
    [
        ("CKV_AWS_20", "checkov", "CKV_AWS_20"),
        ("ckv2_aws_6", None, "CKV2_AWS_6"),
        ("AVD-AWS-0086", "Trivy", "CKV_AWS_53"),
        ("AWS-0086", "Trivy", "CKV_AWS_53"),
        ("aws-s3-block-public-acls", "tfsec", "CKV_AWS_53"),
        ("AVD-AWS-0090", "Trivy", "CKV_AWS_21"),
        ("aws-kms-auto-rotate-keys", "tfsec", "CKV_AWS_7"),
        ("AVD-AWS-0014", "Trivy", "CKV_AWS_67"),
        ("KSV017", "Trivy", "CKV_K8S_16"),
        ("AVD-KSV-0017", "Trivy", "CKV_K8S_16"),
        ("38c5ee0d-7f22-4260-ab72-5073048df100", "KICS", "CKV_AWS_20"),
    ],
)
def test_other_scanners_ids_map_to_checkov_ids(rule_id: str, tool: str | None, expected: str) -> None:
    assert canonical_rule(rule_id, tool) == expected


def test_unknown_and_ambiguous_ids_pass_through_unchanged() -> None:
    assert canonical_rule("MY_CUSTOM_1") == "MY_CUSTOM_1"
    # Trivy's SSH-or-RDP rule is either CKV_AWS_24 or CKV_AWS_25: no alias, no false merge
    assert canonical_rule("AVD-AWS-0107", "Trivy") == "AVD-AWS-0107"


def test_kics_query_name_is_used_when_the_id_is_unknown() -> None:
    name = "S3 Bucket ACL Allows Read Or Write to All Users"
    assert canonical_rule("0000-not-a-known-uuid", "KICS", name=name) == "CKV_AWS_20"
    assert canonical_rule("0000-not-a-known-uuid", "KICS", name="Something Else") == "0000-not-a-known-uuid"


def test_curated_severities_for_well_known_rules() -> None:
    assert default_severity("CKV_AWS_20") is Severity.critical  # public-read ACL
    assert default_severity("CKV_AWS_24") is Severity.critical  # SSH open to the world
    assert default_severity("CKV_K8S_16") is Severity.high  # privileged container
    assert default_severity("CKV_K8S_11") is Severity.low  # CPU limits
    assert default_severity("AVD-AWS-0086") is Severity.high  # via the alias
    assert default_severity("NOT_A_RULE") is Severity.medium


def test_titles_come_from_the_table() -> None:
    assert rule_title("CKV_AWS_24") == "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22"
    assert rule_title("aws-s3-enable-versioning") == "Ensure all data stored in the S3 bucket have versioning enabled"
    assert rule_title("NOT_A_RULE") is None


def test_table_covers_the_common_rules_of_every_family() -> None:
    rules = rule_table().rules
    assert len(rules) >= 80
    for family in ("CKV_AWS_", "CKV2_AWS_", "CKV_K8S_", "CKV_AZURE_", "CKV_GCP_"):
        assert sum(r.startswith(family) for r in rules) >= 5, family
    must = [
        "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6", "CKV_AWS_20", "CKV_AWS_57",
        "CKV_AWS_21", "CKV_AWS_19", "CKV_AWS_145", "CKV_AWS_18", "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277",
        "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_16", "CKV_AWS_17", "CKV_AWS_3", "CKV_AWS_67", "CKV_AWS_36",
        "CKV_AWS_7", "CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_37", "CKV_K8S_11", "CKV_K8S_13", "CKV_K8S_23",
        "CKV_K8S_21", "CKV_K8S_40",
    ]
    assert [r for r in must if not known_rule(r)] == []


def test_every_alias_points_at_a_rule_in_the_table() -> None:
    table = rule_table()
    assert len(table.aliases) >= 60
    assert sorted(set(table.aliases.values()) - set(table.rules)) == []


def test_alias_keys_never_shadow_a_canonical_id() -> None:
    table = rule_table()
    assert [a for a in table.aliases if a in table.rules] == []
