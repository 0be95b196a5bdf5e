"""`fixbot fix --forge github --repo OWNER/NAME WORKDIR`: the App's lifecycle from a workflow.

The same chain as the webhook server (bot/server/workspace.py): fetch the repository into
WORKDIR, scan the default branch's snapshot, plan, let the policy decide, then open / update /
merge PRs through `GitHubForge` — new PRs within the caps of `.fixbot.yml` (open fixbot PRs,
PRs opened in the last hour), highest risk first. Under GitHub Actions it also writes the job
summary (decisions and PR links) and step outputs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence

from bot.actions import ActionsEnv, append_summary, write_outputs
from bot.actions.fix_summary import fix_outputs, fix_summary_markdown, resource_risks
from bot.chain import Decided
from bot.cli.github_session import github_target
from bot.forge.github import GitHubForge
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import FixReport, run_fix
from bot.models.report import Assessment
from bot.server.pr_caps import within_caps as caps_filter
from bot.server.workspace import Workspace, make_lifecycle, plan_and_decide

ACTIONS_BOT = "github-actions[bot]"


def within_caps(forge: GitHubForge, lc: Lifecycle, d: Decided) -> tuple[list[Assessment], int]:
    """The caps of the repository's `.fixbot.yml` (see `bot.server.pr_caps.within_caps`)."""
    caps = d.outcome.config.caps
    return caps_filter(forge, lc, d.assessments, caps.max_open_prs, caps.max_new_prs_per_hour)


def run_github(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> tuple[FixReport, Decided]:
    env = os.environ if environ is None else environ
    actions = ActionsEnv.from_env(env)
    repo = args.repo or (actions.target()[0] if actions else None)
    args.path.mkdir(parents=True, exist_ok=True)
    with github_target(repo, env) as gh:
        forge = gh.forge(bot_login="fixbot[bot]" if env.get("FIXBOT_APP_ID") else ACTIONS_BOT)
        ws = Workspace(args.path.resolve(), gh.repo)
        git_repo, branch, sha = ws.sync(forge)
        with ws.snapshot(git_repo, sha) as snap:
            d = plan_and_decide(snap, branch, args.findings, not args.no_checkov)
            lc = make_lifecycle(forge, git_repo, ws, d)
            chosen, deferred = within_caps(forge, lc, d)
            report = run_fix(lc, chosen, Options(dry_run=args.dry_run, reopen=args.reopen), d.replan)
    if actions is not None:
        report_to_actions(actions, gh.repo.full_name, report, d.assessments, deferred)
    return report, d


def report_to_actions(env: ActionsEnv, repository: str, report: FixReport, assessments: Sequence[Assessment],
                      deferred: int) -> None:
    results = (*report.results, *report.closed)
    if env.summary_path is not None:
        md = fix_summary_markdown(results, resource_risks(assessments), env.server_url, repository, deferred)
        append_summary(env.summary_path, md)
    if env.output_path is not None:
        write_outputs(env.output_path, fix_outputs(results, env.server_url, repository))
