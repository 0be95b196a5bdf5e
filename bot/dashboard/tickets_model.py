"""One ticket per resource whose findings fixbot cannot fix on its own (data, built from a scan)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.dashboard.markers import plain_title, resource_fingerprint
from bot.dashboard.view import resource_of
from bot.models.common import Frozen
from bot.models.report import Assessment
from bot.models.risk import Risk
from bot.planner.catalogue import rewriter_by_id, rewriter_for
from rewriters.base import Rewriter

GENERIC = "no rewriter in fixbot's catalogue handles this rule: fix it by hand following the rule's guidance"


class MissingParam(Frozen):
    name: str
    description: str


class TicketRow(Frozen):
    finding_id: str
    rule: str
    title: str
    severity: str
    reason: str
    rewriter: str = ""
    parameters: tuple[MissingParam, ...] = ()
    recommendation: str


class TicketContent(Frozen):
    fingerprint: str
    resource: str
    rows: tuple[TicketRow, ...]
    risk: Risk
    environment: str | None = None
    file: str | None = None

    @property
    def title(self) -> str:
        return plain_title(f"fixbot: no automatic fix for {self.resource}")


def _rewriter(a: Assessment) -> Rewriter | None:
    named = a.unfixed.rewriter if a.unfixed else None
    return (rewriter_by_id(named) if named else None) or rewriter_for(a.finding)


def _params(rw: Rewriter | None, missing: Sequence[str]) -> tuple[MissingParam, ...]:
    known = {p.name: p.description for p in rw.parameters} if rw else {}
    return tuple(MissingParam(name=m, description=known.get(m, "a value only your team knows")) for m in missing)


def ticket_row(a: Assessment) -> TicketRow:
    rw = _rewriter(a)
    missing = a.unfixed.missing_parameters if a.unfixed else ()
    advice = f"{rw.title}. Review note: {rw.review_guidance}" if rw else GENERIC
    return TicketRow(finding_id=a.finding.id, rule=a.finding.rule_id, title=a.finding.title,
                     severity=a.finding.severity.value, reason=a.unfixed.reason if a.unfixed else "",
                     rewriter=rw.id if rw else "", parameters=_params(rw, missing), recommendation=advice)


def needs_ticket(a: Assessment) -> bool:
    """No plan: no rewriter, a rewriter that skipped, or one waiting for a parameter."""
    return a.plan is None


def ticket_contents(assessments: Sequence[Assessment]) -> list[TicketContent]:
    """One ticket per resource, its findings riskiest first; tickets in resource order."""
    groups: dict[str, list[Assessment]] = {}
    for a in sorted(assessments, key=lambda x: (-x.risk.score, x.finding.rule_id, x.finding.id)):
        if needs_ticket(a):
            groups.setdefault(resource_of(a), []).append(a)
    return [TicketContent(fingerprint=resource_fingerprint(res), resource=res,
                          rows=tuple(ticket_row(a) for a in items), risk=items[0].risk,
                          environment=items[0].finding.environment, file=items[0].finding.file)
            for res, items in sorted(groups.items())]
