"""App credentials: a JWT from the private key, and per-action installation tokens.

Every action gets a fresh installation token narrowed to ONE repository and to the least
permissions it needs, revoked with `DELETE /installation/token` when the action ends,
success or failure. PyGithub's helper cannot send `repository_ids`, so the token endpoints
are called directly (httpx). The private key and tokens never reach a log line or an error.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt

from bot.errors import ConfigError, ForgeError, TransientForgeError
from bot.forge.github.redact import scrub
from bot.forge.github.retry import RetryableStatus, RetryPolicy, server_delay, with_retries

log = logging.getLogger("fixbot.github")
JWT_BACKDATE = 60  # seconds, against clock drift (GitHub's advice)
JWT_LIFETIME = 540  # exp - now; exp - iat = 600 s, GitHub's maximum
ACCEPT = "application/vnd.github+json"
API_VERSION = "2022-11-28"


@dataclass(frozen=True, repr=False)
class AppCredentials:
    app_id: int
    private_key: bytes = field(repr=False)

    def __repr__(self) -> str:
        return f"AppCredentials(app_id={self.app_id}, private_key=[REDACTED])"

    def jwt(self, now: float | None = None) -> str:
        t = int(now if now is not None else time.time())
        claims = {"iat": t - JWT_BACKDATE, "exp": t + JWT_LIFETIME, "iss": str(self.app_id)}
        try:
            return jwt.encode(claims, _signing_key(self.private_key), algorithm="RS256")
        except (ValueError, TypeError):
            raise ConfigError("the App private key cannot sign a JWT (is it an RSA PEM key?)") from None


@functools.lru_cache(maxsize=4)
def _signing_key(pem: bytes) -> Any:
    """The parsed key (parsing a PEM costs ~0.1 s of CPU: once per process, not once per token)."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    return load_pem_private_key(pem, password=None)


def load_private_key(path: str | None = None, env: Mapping[str, str] | None = None) -> bytes:
    """From FIXBOT_PRIVATE_KEY_PATH (or `path`), else FIXBOT_PRIVATE_KEY (PEM text)."""
    environ = os.environ if env is None else env
    key_path = path or environ.get("FIXBOT_PRIVATE_KEY_PATH")
    if key_path:
        try:
            data = Path(key_path).read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read the App private key file {key_path}: {exc.strerror}") from None
    else:
        data = environ.get("FIXBOT_PRIVATE_KEY", "").replace("\\n", "\n").encode()
    if b"PRIVATE KEY-----" not in data:
        raise ConfigError("no App private key: set FIXBOT_PRIVATE_KEY_PATH or FIXBOT_PRIVATE_KEY (PEM)")
    return data


@dataclass(frozen=True)
class RepoRef:
    """One repository an action is scoped to."""

    owner: str
    name: str
    id: int | None = None
    installation_id: int | None = None

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"


@dataclass(frozen=True, repr=False)
class ScopedToken:
    value: str = field(repr=False)
    repository: str
    permissions: Mapping[str, str]

    def __repr__(self) -> str:
        return f"ScopedToken(repository={self.repository}, permissions={dict(self.permissions)})"


class TokenBroker:
    """Mints and revokes installation tokens; holds no token beyond one action."""

    def __init__(self, creds: AppCredentials, api_url: str, *, retry: RetryPolicy | None = None,
                 transport: httpx.BaseTransport | None = None, sleep: Callable[[float], None] = time.sleep,
                 timeout: float = 15.0) -> None:
        self.creds, self.retry, self.sleep = creds, retry or RetryPolicy(), sleep
        self.api_url = api_url.rstrip("/")
        self._http = httpx.Client(base_url=self.api_url, transport=transport, timeout=timeout,
                                  headers={"Accept": ACCEPT, "X-GitHub-Api-Version": API_VERSION,
                                           "User-Agent": "fixbot"})

    def close(self) -> None:
        self._http.close()

    def _call(self, method: str, path: str, auth: str, body: Any = None, ok: tuple[int, ...] = (200,)) -> Any:
        def once() -> Any:
            resp = self._http.request(method, path, json=body, headers={"Authorization": f"Bearer {auth}"})
            if resp.status_code in ok:
                return resp.json() if resp.content else None
            message = scrub(resp.text[:300])
            if resp.status_code >= 500 or resp.status_code in (403, 429):
                raise RetryableStatus(resp.status_code, dict(resp.headers), message)
            raise ForgeError(f"GitHub {method} {path} answered {resp.status_code}: {message}")

        try:
            return with_retries(once, self.retry, self.sleep, f"{method} {path}")
        except RetryableStatus as exc:
            asked = server_delay(exc.status, exc.headers, str(exc), time.time())
            if asked is None:  # a plain 403 (no rate limit): retrying later cannot help
                raise ForgeError(f"GitHub {method} {path} failed: {scrub(exc)}") from None
            raise TransientForgeError(f"GitHub {method} {path} failed: {scrub(exc)}", retry_after=asked) from None
        except httpx.HTTPError as exc:
            raise TransientForgeError(f"GitHub {method} {path} unreachable: {type(exc).__name__}") from None

    def installation_id(self, repo: RepoRef) -> int:
        if repo.installation_id is not None:
            return repo.installation_id
        data = self._call("GET", f"/repos/{repo.owner}/{repo.name}/installation", self.creds.jwt())
        return int(data["id"])

    def mint(self, repo: RepoRef, permissions: Mapping[str, str]) -> ScopedToken:
        if not permissions:
            raise ForgeError("refusing to mint a token without an explicit permission set")
        body: dict[str, Any] = {"permissions": dict(permissions)}
        body.update({"repository_ids": [repo.id]} if repo.id is not None else {"repositories": [repo.name]})
        path = f"/app/installations/{self.installation_id(repo)}/access_tokens"
        data = self._call("POST", path, self.creds.jwt(), body, ok=(201,))
        granted = data.get("permissions") or {}
        if any(granted.get(k) != v for k, v in permissions.items()) or set(granted) - set(permissions) - {"metadata"}:
            self.revoke(str(data["token"]))
            raise ForgeError(f"GitHub granted {granted}, not the requested {dict(permissions)}")
        log.info("minted token for %s with %s", repo.full_name, dict(permissions))
        return ScopedToken(str(data["token"]), repo.full_name, dict(permissions))

    def revoke(self, token: str) -> None:
        self._call("DELETE", "/installation/token", token, ok=(204,))

    @contextmanager
    def token(self, repo: RepoRef, permissions: Mapping[str, str]) -> Iterator[ScopedToken]:
        scoped = self.mint(repo, permissions)
        try:
            yield scoped
        finally:
            try:
                self.revoke(scoped.value)
                log.info("revoked token for %s", repo.full_name)
            except ForgeError as exc:  # it still expires within the hour; say so, never fail the action on it
                log.error("could not revoke a token for %s: %s", repo.full_name, exc)
