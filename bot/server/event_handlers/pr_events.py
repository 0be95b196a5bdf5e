"""Pull-request events: checks and statuses completed, reviews, closes, comment commands."""

from __future__ import annotations

import logging

from bot.forge.github import GitHubForge
from bot.forge.github.permissions import union
from bot.lifecycle.naming import BRANCH_PREFIX, decode_meta
from bot.server.commands.context import CommandContext
from bot.server.commands.dispatch import WRITERS, run_command
from bot.server.commands.parser import parse
from bot.server.delivery import Delivery, _get
from bot.server.escape import code
from bot.server.pr_caps import mark_closed_by
from bot.server.service import Service

log = logging.getLogger("fixbot.server")


def _head_sha(d: Delivery) -> str | None:
    for path in (("check_suite", "head_sha"), ("check_run", "head_sha"), ("sha",)):
        value = _get(d.payload, *path)
        if isinstance(value, str) and len(value) == 40:
            return value
    return None


def checks_completed(svc: Service, d: Delivery) -> None:
    """check_suite / check_run / status finished green: merge the fixbot PRs policy allows."""
    repo, sha = d.repo, _head_sha(d)
    concl = _get(d.payload, "check_suite", "conclusion") or _get(d.payload, "check_run", "conclusion") \
        or d.payload.get("state")
    if repo is None or sha is None or concl != "success":
        return
    log.info("checks green on %s", sha[:12], extra={"repo": repo.full_name})
    svc.engine.on_checks(svc.forge(repo), repo, sha)


def review_submitted(svc: Service, d: Delivery) -> None:
    repo = d.repo
    review = d.payload.get("review") or {}
    number = _get(d.payload, "pull_request", "number")
    head = str(_get(d.payload, "pull_request", "head", "ref") or "")
    if repo is None or not isinstance(number, int) or str(review.get("state", "")).lower() != "approved" \
            or not head.startswith(BRANCH_PREFIX):
        return
    forge = svc.forge(repo)
    reviewer = str(_get(review, "user", "login") or d.sender)
    with forge.action("review", union({"metadata": "read"}, {"issues": "write"})):
        if forge.user_permission(reviewer) not in WRITERS:
            forge.comment(number, f"The approval by {code(reviewer)} does not count: it needs write access.")
            return
    svc.engine.on_review(forge, repo, number)


def pull_request_closed(svc: Service, d: Delivery) -> None:
    """A human closed a fixbot PR without merging: remember it (never reopened automatically)."""
    repo, pr = d.repo, d.payload.get("pull_request") or {}
    if repo is None or pr.get("merged") or d.sender == svc.settings.bot_login:
        return
    if not str(_get(pr, "head", "ref") or "").startswith(BRANCH_PREFIX) or decode_meta(pr.get("body") or "") is None:
        return
    mark_closed_by(svc.forge(repo), int(pr["number"]), d.sender)


def issue_comment(svc: Service, d: Delivery) -> None:
    repo, comment, issue = d.repo, d.payload.get("comment") or {}, d.payload.get("issue") or {}
    author = str(_get(comment, "user", "login") or "")
    call = parse(str(comment.get("body") or ""))
    if repo is None or call is None or author == svc.settings.bot_login or str(
            _get(comment, "user", "type")) == "Bot":
        return
    forge: GitHubForge = svc.forge(repo)
    ctx = CommandContext(svc, forge, repo, int(issue["number"]), "pull_request" in issue, author, int(comment["id"]))
    run_command(ctx, call)
