"""The `Fixbot-*` trailers of a change, for its commits and its audit records."""

from __future__ import annotations

from bot.lifecycle.items import FixItem
from bot.lifecycle.ledger import ItemState
from bot.models.decision import Decision


def decision_trailers(decision: Decision | None) -> dict[str, str]:
    if decision is None:
        return {}
    return {
        "Fixbot-Decision": decision.outcome.value,
        "Fixbot-Decision-Rule": ", ".join(r.rule for r in decision.reasons),
        "Fixbot-Policy-Version": decision.policy_version,
    }


def item_trailers(item: FixItem, **extra: str) -> dict[str, str]:
    return {
        "Fixbot-Finding": ", ".join(item.finding_ids),
        "Fixbot-Rule": ", ".join(item.rules),
        "Fixbot-Resource": item.resource,
        "Fixbot-Action": "+".join(item.actions),
        **decision_trailers(item.decision),
        "Fixbot-Risk": f"{item.risk:.2f}",
        **{k: v for k, v in extra.items() if v},
    }


def state_trailers(st: ItemState, **extra: str) -> dict[str, str]:
    """Trailers for records made later (approve, verify) from the remembered item."""
    lead = st.assessments[0] if st.assessments else None
    plan = lead.plan if lead else None
    out = {
        "Fixbot-Finding": ", ".join(st.finding_ids),
        "Fixbot-Rule": ", ".join(st.rules),
        "Fixbot-Resource": st.resource,
        "Fixbot-Action": plan.action if plan else "",
        "Fixbot-Risk": f"{max(a.risk.score for a in st.assessments):.2f}" if st.assessments else "",
    }
    return {**out, **{k: v for k, v in extra.items() if v}}
