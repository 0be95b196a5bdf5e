"""Run one comment command: permission check, acknowledgement, handler, answer."""

from __future__ import annotations

import logging

from bot.errors import FixbotError
from bot.server.commands.command_handlers import CommandRefused
from bot.server.commands.context import CommandContext
from bot.server.commands.parser import CommandCall, ParseError
from bot.server.commands.registry import COMMANDS
from bot.server.escape import code
from bot.text import md_escape

log = logging.getLogger("fixbot.server")
WRITERS = ("write", "maintain", "admin")


def run_command(ctx: CommandContext, call: CommandCall | ParseError) -> str:
    """Returns the reply posted (also for refusals); acknowledges with a reaction first."""
    if ctx.forge.user_permission(ctx.author) not in WRITERS:
        reply = (f"Sorry {md_escape(ctx.author)}, only people with write access to this repository can "
                 "command fixbot. A maintainer can run the command for you.")
        _react(ctx, "confused")
        ctx.forge.comment(ctx.number, reply)
        return reply
    _react(ctx, "eyes")
    reply = _answer(ctx, call)
    ctx.forge.comment(ctx.number, reply)
    return reply


def _react(ctx: CommandContext, content: str) -> None:
    """The acknowledgement is a courtesy: a deleted comment (404) or a refused reaction never stops the command."""
    try:
        ctx.forge.react(ctx.comment_id, content)
    except FixbotError as exc:
        log.warning("reaction on comment %d failed: %s", ctx.comment_id, exc, extra={"repo": ctx.repo.full_name})


def _answer(ctx: CommandContext, call: CommandCall | ParseError) -> str:
    if isinstance(call, ParseError):
        return f"I could not read that command: {md_escape(call.message)}"
    spec = COMMANDS.get(call.name)
    if spec is None:
        return f"Unknown command {code(call.name)}. Try `/fixbot help`."
    try:
        return spec.handler(ctx, call)
    except CommandRefused as exc:
        return f"`/fixbot {call.name}`: {md_escape(exc.message)}"
    except FixbotError as exc:
        log.warning("command %s failed: %s", call.name, exc)
        return f"`/fixbot {call.name}` failed: {md_escape(str(exc))}"
