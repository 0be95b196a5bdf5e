"""What kind of weakness a rule describes, and the exploitability that kind defaults to.

Used only when a finding does not carry its own exploitability. Rule ids are looked up
exactly (any of the finding's rule ids, canonical first), then by prefix; the finding's
free text is never consulted.
"""

from __future__ import annotations

from enum import StrEnum

from bot.models.common import Level
from bot.models.finding import Finding


class RuleKind(StrEnum):
    network_exposure = "network exposure"
    public_access = "public access"
    iam = "IAM privilege"
    container_privilege = "container privilege"
    encryption = "encryption"
    logging = "logging/monitoring"
    resilience = "resilience"
    hygiene = "hygiene"
    unknown = "unclassified"


def _kinds(kind: RuleKind, *ids: str) -> dict[str, RuleKind]:
    return dict.fromkeys(ids, kind)


RULE_KINDS: dict[str, RuleKind] = {
    **_kinds(
        RuleKind.network_exposure,
        "CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277",
        "CKV_AZURE_9", "CKV_AZURE_10", "CKV_GCP_2", "CKV_GCP_3", "CKV_GCP_106",
    ),
    **_kinds(
        RuleKind.public_access,
        "CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56",
        "CKV2_AWS_6", "CKV_AWS_17", "CKV_AWS_88", "CKV_AWS_130", "CKV_AWS_70",
        "CKV_AZURE_190", "CKV_GCP_28",
    ),
    **_kinds(
        RuleKind.iam,
        "CKV_AWS_1", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_288",
        "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_355", "CKV2_AWS_40", "CKV_AWS_274",
        "CKV_K8S_49", "CKV_K8S_155", "CKV_K8S_156", "CKV_K8S_157",
    ),
    **_kinds(
        RuleKind.container_privilege,
        "CKV_K8S_16", "CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "CKV_K8S_20", "CKV_K8S_23",
        "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_39", "CKV_K8S_40", "CKV_K8S_6",
    ),
    **_kinds(
        RuleKind.encryption,
        "CKV_AWS_19", "CKV_AWS_145", "CKV_AWS_16", "CKV_AWS_3", "CKV_AWS_8", "CKV_AWS_189", "CKV_AWS_2",
    ),
    **_kinds(
        RuleKind.logging,
        "CKV_AWS_18", "CKV_AWS_129", "CKV_AWS_126", "CKV2_AWS_62", "CKV_AWS_91", "CKV2_AWS_11",
    ),
    **_kinds(RuleKind.resilience, "CKV_AWS_21", "CKV_AWS_144", "CKV_AWS_157", "CKV_AWS_293"),
    **_kinds(RuleKind.hygiene, "CKV_K8S_11", "CKV_K8S_13", "CKV_K8S_10", "CKV_K8S_12", "CKV_K8S_21"),
}  # fmt: skip

PREFIX_KINDS: tuple[tuple[str, RuleKind], ...] = (("CKV_K8S_", RuleKind.hygiene),)

# kind -> (exploitability value in [0,1], the level it corresponds to)
KIND_EXPLOITABILITY: dict[RuleKind, tuple[float, Level]] = {
    RuleKind.network_exposure: (0.9, Level.high),
    RuleKind.public_access: (0.9, Level.high),
    RuleKind.iam: (0.6, Level.medium),
    RuleKind.container_privilege: (0.6, Level.medium),
    RuleKind.encryption: (0.3, Level.low),
    RuleKind.logging: (0.2, Level.low),
    RuleKind.resilience: (0.2, Level.low),
    RuleKind.hygiene: (0.3, Level.low),
    RuleKind.unknown: (0.5, Level.medium),
}


def rule_kind(finding: Finding) -> tuple[RuleKind, str]:
    """(kind, the rule id that decided it) for a finding."""
    ids = [finding.rule_id] + [s.rule_id for s in finding.sources]
    for rule in ids:
        if rule in RULE_KINDS:
            return RULE_KINDS[rule], rule
    for rule in ids:
        for prefix, kind in PREFIX_KINDS:
            if rule.startswith(prefix):
                return kind, rule
    return RuleKind.unknown, finding.rule_id
