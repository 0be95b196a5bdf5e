"""One handler per comment command; each returns the markdown reply (untrusted text escaped)."""

from __future__ import annotations

from bot.errors import FixbotError
from bot.forge.base import PrState
from bot.lifecycle.naming import PrMeta, decode_meta
from bot.server.commands.context import CommandContext
from bot.server.commands.parser import CommandCall, ParseError, single_target
from bot.server.escape import code
from bot.server.ignore import open_ignore_pr
from bot.text import md_escape


class CommandRefused(FixbotError):
    """The command cannot run here (wrong thread, bad argument); the reply explains why."""


def _meta(ctx: CommandContext) -> PrMeta:
    if not ctx.is_pr:
        raise CommandRefused("this command works on a fixbot pull request, not on an issue")
    meta = decode_meta(ctx.forge.get_pr(ctx.number).body)
    if meta is None:
        raise CommandRefused("this pull request was not opened by fixbot")
    return meta


def _target(call: CommandCall) -> str | None:
    target = single_target(call)
    if isinstance(target, ParseError):
        raise CommandRefused(target.message)
    return target


def fix(ctx: CommandContext, call: CommandCall) -> str:
    target = _target(call)
    summary = ctx.svc.engine.rescan(ctx.forge, ctx.repo, only=target)
    scope = f"{code(target)}" if target else "this repository"
    return f"Ran the fix chain for {scope}: {md_escape(summary)}"


def plan(ctx: CommandContext, call: CommandCall) -> str:
    target = _target(call)
    if target is None and ctx.is_pr:
        meta = decode_meta(ctx.forge.get_pr(ctx.number).body)
        target = meta.resource if meta else None
    return ctx.svc.engine.plan_text(ctx.forge, ctx.repo, target)


def explain(ctx: CommandContext, call: CommandCall) -> str:
    meta = _meta(ctx)
    pr = ctx.forge.get_pr(ctx.number)
    lines = [f"**Resource:** {code(meta.resource)}", f"**Action:** {code(meta.action)}",
             f"**Rules:** {', '.join(code(r) for r in meta.rules) or 'none'}",
             f"**Findings:** {', '.join(code(f) for f in meta.finding_ids) or 'none'}",
             f"**State:** {pr.state.value}, head `{pr.head_sha[:12]}`"]
    detail = ctx.svc.engine.explain_text(ctx.forge, ctx.repo, meta)
    return "\n".join(lines) + ("\n\n" + detail if detail else "")


def rebase(ctx: CommandContext, call: CommandCall) -> str:
    meta = _meta(ctx)
    pr = ctx.forge.get_pr(ctx.number)
    if pr.state is not PrState.open:
        raise CommandRefused(f"this pull request is {pr.state.value}; nothing to rebase")
    summary = ctx.svc.engine.rescan(ctx.forge, ctx.repo, only=meta.resource)
    return f"Recomputed the change for {code(meta.resource)} on the current base: {md_escape(summary)}"


def revert(ctx: CommandContext, call: CommandCall) -> str:
    _meta(ctx)  # a fixbot PR, or refused
    pr = ctx.forge.get_pr(ctx.number)
    if pr.state is not PrState.merged or not pr.merge_sha:
        raise CommandRefused("only a merged fixbot pull request can be reverted")
    number, status = ctx.svc.engine.revert(ctx.forge, ctx.repo, pr.number, ctx.author)
    if status == "merged":
        return f"Reverted in PR #{number} (the policy allowed it to merge)."
    return f"Opened revert PR #{number} ({md_escape(status)}); a code owner must approve it before it merges."


def ignore(ctx: CommandContext, call: CommandCall) -> str:
    meta = _meta(ctx)
    if not call.text.strip():
        raise CommandRefused("say why: `/fixbot ignore REASON`")
    number = open_ignore_pr(ctx.forge, meta, call.text, ctx.author)
    return (f"Opened PR #{number} recording the accepted risk in `.fixbot.yml`; once merged, fixbot stops "
            f"proposing this fix.")
