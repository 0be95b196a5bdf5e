"""Canonical rule ids, default severities and titles.

The same problem reported by different scanners must get the same fingerprint, so every
rule id is turned into one canonical id first: checkov's (`CKV_AWS_20`). The table lives in
`bot/data/rules.json` (data, not code): `rules` maps checkov ids to a curated severity (checkov
reports none offline) and checkov's title; `aliases` maps other scanners' ids to them —
Trivy AVD numbers (`AVD-AWS-0086`, `AWS-0086`, `KSV001`, `AVD-KSV-0001`), tfsec long ids
(`aws-s3-block-public-acls`), KICS query ids and query names. Only clear one-to-one
equivalences are aliased; unknown ids pass through unchanged. Cloud and runtime sources
look their ids up with a source prefix (`securityhub:S3.2`, `scc:PUBLIC_BUCKET_ACL`,
`defender:<recommendation>`, `falco:<rule>`) so they cannot collide with scanner ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict

from bot.models.common import Severity

_AVD = re.compile(r"^(?:AVD-)?(?P<family>[A-Z]+)-?(?P<num>\d+)$")


class RuleInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    severity: Severity
    title: str


@dataclass(frozen=True)
class RuleTable:
    rules: Mapping[str, RuleInfo]
    aliases: Mapping[str, str]  # normalised alias key -> canonical id


def _alias_key(text: str) -> str:
    """Normalise an id or name for alias lookup: case, spacing and Trivy's AVD spellings."""
    key = " ".join(text.split()).upper()
    match = _AVD.match(key)
    if match and match["family"] in {"AWS", "KSV", "AZU", "GCP", "DS"}:
        return f"{match['family']}-{int(match['num']):04d}"
    return key


@lru_cache(maxsize=1)
def rule_table() -> RuleTable:
    """The rule table shipped in `bot/data/rules.json` (loaded once, read-only)."""
    text = resources.files("bot").joinpath("data/rules.json").read_text(encoding="utf-8")
    data = json.loads(text)
    rules = {rid: RuleInfo.model_validate(info) for rid, info in data["rules"].items()}
    aliases = {_alias_key(alias): target for alias, target in data["aliases"].items()}
    return RuleTable(rules=MappingProxyType(rules), aliases=MappingProxyType(aliases))


def canonical_rule(rule_id: str, tool: str | None = None, *, name: str | None = None) -> str:
    """The canonical (checkov) id for `rule_id` as spelled by `tool`; unknown ids pass through.

    `name` (a rule's display name, e.g. a KICS query name) is tried when the id is unknown.
    `tool` is accepted for callers' clarity; ids of different tools do not collide today.
    """
    del tool  # ids are unambiguous across the supported tools
    table = rule_table()
    text = rule_id.strip()
    if text.upper() in table.rules:
        return text.upper()
    for candidate in (text, name):
        if candidate:
            target = table.aliases.get(_alias_key(candidate))
            if target:
                return target
    return text


def default_severity(rule_id: str) -> Severity:
    """Curated severity of a canonical rule; medium when the rule is not in the table."""
    info = rule_table().rules.get(canonical_rule(rule_id))
    return info.severity if info else Severity.medium


def rule_title(rule_id: str) -> str | None:
    """checkov's title of a canonical rule, if the table knows it."""
    info = rule_table().rules.get(canonical_rule(rule_id))
    return info.title if info else None


def known_rule(rule_id: str) -> bool:
    """Whether the table has a curated entry for this rule (after canonicalisation)."""
    return canonical_rule(rule_id) in rule_table().rules
