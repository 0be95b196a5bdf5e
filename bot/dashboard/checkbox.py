"""Which fixes a human asked for by ticking boxes on the dashboard (an `issues.edited` delivery).

Only the difference between the body before the edit (`changes.body.from`) and after counts:
a box that was unticked before and is ticked now, on a row fixbot rendered (its finding id
is in the hidden rows marker of the previous body). Anything else — boxes added by hand,
unknown ids, boxes already ticked — is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.dashboard.markers import boxes, is_dashboard, read_rows


@dataclass(frozen=True)
class Ticked:
    finding_id: str
    resource: str


def ticked(before: str, after: str) -> list[Ticked]:
    if not (is_dashboard(before) and is_dashboard(after)):
        return []
    known = read_rows(before)
    was, now = boxes(before), boxes(after)
    return [Ticked(fid, known[fid]) for fid, on in now.items()
            if on and was.get(fid) is False and fid in known]


def untick(body: str, finding_ids: set[str]) -> str:
    """The body with these rows' boxes cleared again (after their fix was requested)."""
    out = []
    for line in body.splitlines(keepends=True):
        hit = next((f for f in finding_ids if f"<!-- fixbot:fix:{f} -->" in line), None)
        out.append(line.replace("[x]", "[ ]", 1).replace("[X]", "[ ]", 1) if hit and line.lstrip()[:5] in
                   ("- [x]", "- [X]", "* [x]", "* [X]") else line)
    return "".join(out)
