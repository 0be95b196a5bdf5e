"""The explicit command registry: name → handler, usage and help text (a meta-test walks it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.server.commands import command_handlers as handlers
from bot.server.commands.context import CommandContext
from bot.server.commands.parser import CommandCall

Handler = Callable[[CommandContext, CommandCall], str]


@dataclass(frozen=True)
class CommandSpec:
    handler: Handler
    usage: str
    help: str


def help_(ctx: CommandContext, call: CommandCall) -> str:
    return help_text()


COMMANDS: dict[str, CommandSpec] = {
    "fix": CommandSpec(handlers.fix, "/fixbot fix [RULE|RESOURCE]",
                       "scan now and open fix PRs (all findings, or one rule or resource)"),
    "plan": CommandSpec(handlers.plan, "/fixbot plan [RULE|RESOURCE]",
                        "show the planned changes and decisions without opening PRs"),
    "explain": CommandSpec(handlers.explain, "/fixbot explain",
                           "on a fixbot PR: the finding, risk factors and the policy decision"),
    "rebase": CommandSpec(handlers.rebase, "/fixbot rebase",
                          "on a fixbot PR: recompute the change on the current default branch"),
    "revert": CommandSpec(handlers.revert, "/fixbot revert",
                          "on a merged fixbot PR: open a revert PR (needs a code owner's approval)"),
    "ignore": CommandSpec(handlers.ignore, "/fixbot ignore REASON",
                          "on a fixbot PR: record an accepted risk in `.fixbot.yml` through a PR"),
    "help": CommandSpec(help_, "/fixbot help", "list these commands"),
}


def help_text() -> str:
    rows = "\n".join(f"| `{spec.usage}` | {spec.help} |" for spec in COMMANDS.values())
    return ("fixbot commands (users with write access only):\n\n| command | what it does |\n| --- | --- |\n"
            + rows)
