"""The server's hook into the dashboard: re-render it after each full chain run (opt-in setting).

A dashboard failure is logged, never turned into a failed delivery: the fixes already happened.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.dashboard import sync
from bot.errors import ForgeError
from bot.forge.github import GitHubForge, RepoRef
from bot.forge.github.permissions import DASHBOARD
from bot.lifecycle.ledger import ItemState
from bot.models.report import Assessment

log = logging.getLogger("fixbot.server")


def refresh_dashboard(forge: GitHubForge, repo: RepoRef, assessments: Sequence[Assessment],
                      states: Sequence[ItemState], policy_version: str | None, close_missing: bool = True) -> str:
    """`close_missing=False` (a scan that reported input errors) keeps tickets whose finding vanished."""
    try:
        with forge.action("dashboard", DASHBOARD):
            result = sync(forge, repo.full_name, assessments, forge.list_prs(), states,
                          policy_version=policy_version, close_missing=close_missing)
    except ForgeError as exc:
        log.error("dashboard update failed: %s", exc, extra={"repo": repo.full_name})
        return f"dashboard not updated: {exc}"
    log.info("%s", result.summary(), extra={"repo": repo.full_name})
    return result.summary()
