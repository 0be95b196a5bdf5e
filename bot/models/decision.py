"""The policy engine's answer."""

from __future__ import annotations

from enum import StrEnum

from bot.models.common import Frozen


class Outcome(StrEnum):
    allow = "allow"
    require_approval = "require_approval"
    deny = "deny"


class Reason(Frozen):
    rule: str
    message: str


class Decision(Frozen):
    outcome: Outcome
    reasons: tuple[Reason, ...] = ()
    policy_version: str
