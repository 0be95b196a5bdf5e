"""PR titles and bodies rendered from templates; every untrusted value goes through `md_escape`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources

import jinja2

from bot.lifecycle.items import FixItem
from bot.lifecycle.mermaid import diagram
from bot.lifecycle.naming import PrMeta, encode_meta
from bot.models.report import Assessment
from bot.text import listed_line, md_escape

_BACKTICKS = re.compile(r"`+")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load), undefined=jinja2.StrictUndefined, autoescape=False,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["code"] = code_span
    return env


def code_span(text: object) -> str:
    """Untrusted text as an inline code span: no markup, links or mentions render inside one."""
    flat = " ".join(str(text or "").split()).replace("`", "'").replace("|", "\\|")
    return f"`{flat}`" if flat else ""


def _load(name: str) -> str:
    return (resources.files("bot.lifecycle") / "templates" / name).read_text(encoding="utf-8")


def fence_for(text: str) -> str:
    """A code fence longer than any backtick run inside `text` (content cannot break out)."""
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    return "`" * max(3, longest + 1)


def _location(a: Assessment) -> str:
    f = a.finding
    return f"{f.file}:{f.line.start}" if f.file and f.line else (f.file or "")


def fix_title(item: FixItem) -> str:
    actions = [a.replace("_", " ") for a in item.actions]
    return listed_line("fixbot: ", actions, f" on {item.resource}", 200)


def render_fix_body(item: FixItem, meta: PrMeta, failures: Sequence[str] = ()) -> str:
    lead = item.assessments[0]
    factors = sorted(lead.risk.factors, key=lambda fc: -fc.weight * fc.value)
    diff = item.plan.diff.replace("\r", "")
    return _env().get_template("pr_body.md.j2").render(
        title=fix_title(item), item=item, decision=item.decision, plan=item.plan, factors=factors,
        attack_path=list(lead.attack_path), actions=", ".join(item.actions), files=list(item.files),
        diff=diff.rstrip("\n"), fence=fence_for(diff), failures=list(failures), marker=encode_meta(meta),
        location=_location, mermaid=diagram(lead, item.resource),
    )


def render_revert_body(
    original: int, merge_sha: str, reason: str, decision_text: str, meta: PrMeta, files: Sequence[str]
) -> str:
    lines = [
        f"## fixbot: revert PR #{original}",
        "",
        f"Verification of the fix merged in `{merge_sha[:12]}` failed after apply:",
        "",
        f"> {md_escape(reason)}",
        "",
        f"This PR is `git revert -m 1 {merge_sha[:12]}`; files: {md_escape(', '.join(files))}.",
        f"**Decision:** {md_escape(decision_text)}",
        "",
        "The finding re-enters the queue with this failure attached; the next `fixbot fix` proposes it again.",
        "",
        encode_meta(meta),
    ]
    return "\n".join(lines) + "\n"
