"""A local stand-in for the GitHub REST API, backed by real git repositories, contract-checked.

    with StandIn(tmp_path) as gh:
        repo = gh.add_repo("octo-org", "infra", {"main.tf": "..."})
        inst = gh.install([repo], {"contents": "write", ...})
        ... point PyGithub at gh.url ...
    assert not gh.checker.violations

Test-side operations a human or CI would do on GitHub (approve, set a status, comment as a
user, close a PR) are Python methods here, not HTTP: the OpenAPI subset covers what fixbot calls.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.harness.github_standin import (
    automerge,
    routes_app,
    routes_code_scanning,
    routes_git,
    routes_issues,
    routes_orgs,
    routes_pulls,
)
from tests.harness.github_standin.contract import ContractChecker, openapi
from tests.harness.github_standin.gitstore import GitStore
from tests.harness.github_standin.http import Fault, HttpError, make_handler, make_routes
from tests.harness.github_standin.state import (
    Check,
    Comment,
    Installation,
    Protection,
    Pull,
    Repo,
    Review,
    SarifUpload,
    State,
    Token,
)

__all__ = ["APP_ID", "Fault", "StandIn", "Token"]
APP_ID = 4242


def new_private_key() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


class StandIn:
    def __init__(self, root: Path, private_key: bytes | None = None, app_id: int = APP_ID) -> None:
        self.state = State(root)
        self.app_id = app_id
        self.private_key_pem = private_key or new_private_key()
        self._public = serialization.load_pem_private_key(self.private_key_pem, None).public_key()
        self.checker = ContractChecker()
        openapi()  # build the validator (seconds, once per process) before a client's timeout can run out
        self.faults: list[Fault] = []
        self.routes = make_routes({**routes_app.ROUTES, **routes_git.ROUTES, **routes_pulls.ROUTES,
                                   **routes_issues.ROUTES, **routes_code_scanning.ROUTES,
                                   **routes_orgs.ROUTES})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # lifecycle
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # JWT
    def verify_jwt(self, value: str | None) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(value or "", self._public, algorithms=["RS256"],  # type: ignore[arg-type]
                                                options={"require": ["iat", "exp", "iss"]})
        except jwt.PyJWTError as exc:
            raise HttpError(401, f"A JSON web token could not be decoded: {type(exc).__name__}") from exc
        if str(claims["iss"]) != str(self.app_id):
            raise HttpError(401, "'Issuer' claim ('iss') must be an Integer")
        if claims["exp"] - claims["iat"] > 660:
            raise HttpError(401, "'Expiration time' claim ('exp') is too far in the future")
        return claims

    # setup
    def add_repo(self, owner: str, name: str, files: dict[str, str], *, collaborators: dict[str, str] | None = None,
                 default_branch: str = "main") -> Repo:
        with self.state.lock:
            store = GitStore(self.state.root / f"{owner}__{name}.git")
            repo = Repo(self.state.next_id(), owner, name, store, default_branch,
                        permissions=dict(collaborators or {}), api=self.url)
            store.seed(default_branch, files, "initial commit")
            self.state.repos[repo.full_name] = repo
            return repo

    def install(self, repos: list[Repo], permissions: dict[str, str], account: str = "octo-org") -> Installation:
        with self.state.lock:
            inst = Installation(self.state.next_id(), account, [r.id for r in repos], dict(permissions))
            self.state.installations[inst.id] = inst
            return inst

    def add_team(self, org: str, slug: str, members: Sequence[str], pending: Sequence[str] = ()) -> None:
        """A team in an organization: active `members`, and invitations not yet accepted (`pending`)."""
        team = {m.lower(): ("member", "active") for m in members}
        team.update({m.lower(): ("member", "pending") for m in pending})
        with self.state.lock:
            self.state.teams.setdefault(org.lower(), {})[slug.lower()] = team

    def protect(self, repo: Repo, branch: str, contexts: list[str], approvals: int = 0) -> None:
        repo.protection[branch] = Protection(list(contexts), approvals)

    def inject(self, fault: Fault) -> None:
        with self.state.lock:
            self.faults.append(fault)

    # what humans and CI do on GitHub
    def approve(self, repo: Repo, number: int, login: str, state: str = "APPROVED", sha: str | None = None) -> Review:
        with self.state.lock:
            pr = repo.issues[number]
            head = sha or repo.store.ref(f"heads/{pr.head}") or pr.head_sha
            review = Review(self.state.next_id(), login, state, head)
            pr.reviews.append(review)
            automerge.settle(repo)
            return review

    def set_status(self, repo: Repo, sha: str, context: str, state: str) -> None:
        with self.state.lock:
            repo.statuses.append((sha, context, state))
            automerge.settle(repo)

    def set_check(self, repo: Repo, sha: str, name: str, conclusion: str) -> Check:
        with self.state.lock:
            check = Check(self.state.next_id(), name, sha, "completed", conclusion)
            repo.checks.append(check)
            automerge.settle(repo)
            return check

    def human_comment(self, repo: Repo, number: int, login: str, body: str) -> Comment:
        with self.state.lock:
            if number not in repo.issues:
                repo.issues[number] = Pull(number, "issue", "", "", "", login)
            c = Comment(self.state.next_id(), login, body)
            repo.comments.setdefault(number, []).append(c)
            return c

    def human_close(self, repo: Repo, number: int, login: str) -> None:
        with self.state.lock:
            repo.issues[number].state, repo.issues[number].closed_by = "closed", login

    def human_edit_issue(self, repo: Repo, number: int, body: str) -> str:
        """Edit an issue's body as a person would in the UI; returns the previous body."""
        with self.state.lock:
            before, repo.issues[number].body = repo.issues[number].body, body
            return before

    def issues(self, repo: Repo, label: str | None = None) -> list[Pull]:
        """Plain issues (not pull requests), optionally only those carrying `label`."""
        with self.state.lock:
            return [p for p in repo.issues.values() if not p.head and (label is None or label in p.labels)]

    def push(self, repo: Repo, branch: str, files: dict[str, str | None], message: str = "human change") -> str:
        with self.state.lock:
            sha = repo.store.seed(branch, files, message)  # type: ignore[arg-type]
            automerge.settle(repo)  # a new head drops auto-merge
            return sha

    # what tests assert
    def pulls(self, repo: Repo) -> list[Pull]:
        with self.state.lock:
            return [p for p in repo.issues.values() if p.head]

    def sarif_uploads(self, repo: Repo) -> list[SarifUpload]:
        with self.state.lock:
            return [u for u in self.state.sarif_uploads if u.repository == repo.full_name]

    def tokens(self) -> list[Token]:
        with self.state.lock:
            return list(self.state.tokens.values())

    def api_calls(self, since: int = 0) -> list[tuple[str, str | None, int]]:
        """(method, route pattern, status) of every request after index `since`, token endpoints excluded."""
        with self.state.lock:
            rows = self.state.requests[since:]
        skip = {"/app/installations/{installation_id}/access_tokens", "/installation/token"}
        return [(r.method, r.pattern, r.status) for r in rows if r.pattern not in skip]

    def unrevoked_used_tokens(self) -> list[Token]:
        with self.state.lock:
            live = [t for t in self.state.tokens.values() if not t.revoked]
        return [t for t in live if t.expires_at > datetime.now(UTC)]  # an expired token is dead anyway

    def expire(self, token: Token) -> None:
        with self.state.lock:
            token.expires_at = datetime.now(UTC)
