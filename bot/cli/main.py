"""Composition root of the CLI and the one boundary where errors become exit codes.

Exit codes: 0 ok, 1 findings above a threshold (where a command has one), 2 usage/config/input
error, 3 unexpected, 4 repository locked by another run, 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot import __version__
from bot.errors import EXIT_UNEXPECTED, EXIT_USAGE, FixbotError


class CommandModule(Protocol):
    def configure(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace) -> int: ...


@dataclass(frozen=True)
class Command:
    module: str
    help: str
    long_running: bool = False  # a server: keeps the interpreter's own garbage-collection settings


# Explicit registry: name -> module implementing configure()/run(). Imported lazily.
COMMANDS: dict[str, Command] = {
    "scan": Command("bot.cli.scan", "scan a repository: findings mapped to IaC, ranked by explainable risk"),
    "plan": Command("bot.cli.plan", "plan minimal fixes for the findings (never modifies the repository)"),
    "fix": Command("bot.cli.fix", "run the whole chain: plan, decide, open PRs, merge what policy allows"),
    "approve": Command("bot.cli.approve", "approve a pending fix PR as a code owner"),
    "verify": Command("bot.cli.verify", "verify merged fixes after apply; open revert PRs on failure"),
    "apply": Command("bot.cli.apply", "apply the default branch to the simulated cloud state"),
    "audit": Command("bot.cli.audit", "rebuild the decision timeline from git history"),
    "prs": Command("bot.cli.prs", "list fixbot pull requests on a local forge"),
    "explain": Command("bot.cli.explain", "explain the decision for one finding"),
    "demo": Command("bot.cli.demo", "run the whole lifecycle on a bundled sample repository"),
    "serve": Command("bot.cli.serve", "run the GitHub App webhook server", long_running=True),
    "worker": Command("bot.cli.worker", "run queued GitHub App jobs (scale-out worker sharing a Redis queue)",
                      long_running=True),
    "jobs": Command("bot.cli.jobs", "list, retry or drop the GitHub App's queued jobs and dead letters"),
    "policy": Command("bot.cli.policy", "test or evaluate the Rego policy pack"),
    "catalogue": Command("bot.cli.catalogue", "list the fix catalogue: rules, actions, parameters"),
    "dashboard": Command("bot.cli.dashboard", "keep the dashboard issue and the no-fix tickets up to date"),
    "schema": Command("bot.cli.schema", "print the JSON schema of a model (finding, report)"),
}


def _load(name: str) -> CommandModule:
    module: CommandModule = importlib.import_module(COMMANDS[name].module)
    return module


def build_parser(selected: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fixbot", description="Policy-governed remediation through PRs.")
    parser.add_argument("--version", action="version", version=f"fixbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, cmd in COMMANDS.items():
        sp = sub.add_parser(name, help=cmd.help, description=cmd.help)
        if name == selected:
            _load(name).configure(sp)
    return parser


def _selected(argv: Sequence[str]) -> str | None:
    return next((a for a in argv if a in COMMANDS), None)


def tune_collection() -> None:
    """Fewer cyclic collections for a one-shot command, set once here at the process entry.

    A scan holds a large heap (checkov's JSON, the inventory) while each stage allocates
    hundreds of thousands of objects with almost no reference cycles (reference counting frees
    them); every full collection walks the whole heap. So what the imports created is frozen
    out of collections, and a collection starts after 50,000 net allocations instead of 700.
    Library code never touches the collector; a long-running command (the server) is left as is.
    """
    gc.freeze()
    gc.set_threshold(50_000, *gc.get_threshold()[1:])


def _report(exc: BaseException, code: int, printer: Callable[[str], None]) -> int:
    printer(f"fixbot: error: {exc}")
    return code


def _exit_on_sigterm() -> None:
    """SIGTERM unwinds like ^C (finally blocks run: locks released, checkov's group killed)."""
    import signal
    import threading

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, stop)


def main(argv: Sequence[str] | None = None) -> int:
    _exit_on_sigterm()
    args_list = list(sys.argv[1:] if argv is None else argv)
    err = lambda m: print(m, file=sys.stderr)  # noqa: E731
    try:
        parser = build_parser(_selected(args_list))
        args = parser.parse_args(args_list)
        if not args.command:
            parser.print_help()
            return EXIT_USAGE
        return _load(args.command).run(args)
    except FixbotError as exc:
        return _report(exc, exc.exit_code, err)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except Exception as exc:  # the one place an unexpected fault becomes an exit code
        import traceback

        traceback.print_exc(file=sys.stderr)
        return _report(exc, EXIT_UNEXPECTED, err)


def entry() -> int:
    """The `fixbot` process entry (console script, `python -m bot`): `main` plus process-wide settings."""
    command = _selected(sys.argv[1:])
    if command is not None and not COMMANDS[command].long_running:
        tune_collection()
    return main()


if __name__ == "__main__":
    raise SystemExit(entry())
