"""The least permissions each forge operation needs (declared as data, checked by a meta-test).

An action (`GitHubForge.action(...)`) holds one token with the union of what its operations
need; an operation outside the action's grant is refused before any request is sent.
"""

from __future__ import annotations

from collections.abc import Mapping

LEVELS = {"read": 1, "write": 2, "admin": 3}

R, W = "read", "write"
NEEDS: dict[str, dict[str, str]] = {
    "default_branch": {"metadata": R},
    "head_sha": {"contents": R},
    "read_file": {"contents": R},
    "create_branch": {"contents": W},
    "delete_branch": {"contents": W},
    "commit": {"contents": W},
    "open_pr": {"pull_requests": W},
    "update_pr": {"pull_requests": W},
    "get_pr": {"pull_requests": R},
    "list_prs": {"pull_requests": R},
    "changed_files": {"pull_requests": R},
    "add_labels": {"pull_requests": W},
    "request_review": {"pull_requests": W},
    "list_reviews": {"pull_requests": R},
    "set_check": {"checks": W},
    "list_checks": {"checks": R, "statuses": R},
    "merge": {"contents": W, "pull_requests": R, "checks": R, "statuses": R},
    "close": {"pull_requests": W},
    "enable_auto_merge": {"contents": W, "pull_requests": W},  # automerge.py (GraphQL mutation)
    "comment": {"issues": W},
    "list_comments": {"issues": R},
    "react": {"issues": W},
    "revert_branch": {"contents": W},
    "user_permission": {"metadata": R},
    "team_members": {},  # from configuration, no request
    "team_membership": {"members": R},  # teams.py: an organization permission, its own token
    "list_issues": {"issues": R},  # issues.IssueOps (dashboard, tickets)
    "create_issue": {"issues": W},
    "update_issue": {"issues": W},
    "upload_sarif": {"security_events": W},  # code_scanning.upload_sarif
}

# Named bundles for whole actions (what the server asks for).
OPEN_FIX = {"contents": W, "pull_requests": W}
REVIEW = {"pull_requests": W}
READ_CHECKS = {"checks": R, "statuses": R, "pull_requests": R}
MERGE = NEEDS["merge"]
COMMENT = {"issues": W}
DASHBOARD = {"issues": W, "pull_requests": R}  # read fix PRs, upsert the dashboard and tickets


def covers(granted: Mapping[str, str], needed: Mapping[str, str]) -> bool:
    """True when `granted` includes every permission in `needed` at its level or higher."""
    def level(perm: str) -> int:
        return LEVELS.get(granted.get(perm, "read" if perm == "metadata" else ""), 0)
    return all(level(p) >= LEVELS[lv] for p, lv in needed.items())


def union(*sets: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in sets:
        for p, lv in s.items():
            if LEVELS[lv] > LEVELS.get(out.get(p, ""), 0):
                out[p] = lv
    return out


def minimal(perms: Mapping[str, str]) -> dict[str, str]:
    """Drop `metadata: read`: every installation token has it implicitly."""
    return {p: lv for p, lv in perms.items() if not (p == "metadata" and lv == R)}
