"""Repository-level events: installation, push to the default branch, code scanning alerts."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.forge.github import RepoRef
from bot.server.delivery import Delivery, repo_ref
from bot.server.service import Service

log = logging.getLogger("fixbot.server")


def _installed(d: Delivery, key: str) -> Iterable[RepoRef]:
    for raw in d.payload.get(key) or []:
        ref = repo_ref(raw, d.installation_id)
        if ref is not None:
            yield ref


def installation(svc: Service, d: Delivery) -> None:
    """Onboard every repository the App was installed on: one scan each, within the PR caps."""
    key = "repositories" if d.event == "installation" else "repositories_added"
    for repo in _installed(d, key):
        summary = svc.engine.onboard(svc.forge(repo), repo)
        log.info("onboarded %s: %s", repo.full_name, summary, extra={"repo": repo.full_name})


def push(svc: Service, d: Delivery) -> None:
    """A push to the default branch: rescan (supersedes stale PRs, verifies merged fixes)."""
    repo = d.repo
    if repo is None or d.payload.get("ref") != f"refs/heads/{d.default_branch}":
        return
    summary = svc.engine.rescan(svc.forge(repo), repo)
    log.info("rescanned %s: %s", repo.full_name, summary, extra={"repo": repo.full_name})


def code_scanning_alert(svc: Service, d: Delivery) -> None:
    repo, alert = d.repo, d.payload.get("alert")
    if repo is None or not isinstance(alert, dict):
        return
    summary = svc.engine.ingest_alert(svc.forge(repo), repo, alert)
    log.info("alert on %s: %s", repo.full_name, summary, extra={"repo": repo.full_name})


def sweep(svc: Service, d: Delivery) -> None:
    """A scheduled sweep: rescan (keeps PRs current, closes those whose finding is gone, redoes lost work)."""
    repo = d.repo
    if repo is None:
        return
    summary = svc.engine.rescan(svc.forge(repo), repo)
    log.info("swept %s: %s", repo.full_name, summary, extra={"repo": repo.full_name})
