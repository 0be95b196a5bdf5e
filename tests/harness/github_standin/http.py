"""The HTTP side of the stand-in: routing, auth, scoping, fault injection, contract checks."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from tests.harness.github_standin.contract import ContractChecker, spec_document
from tests.harness.github_standin.state import LEVELS, LoggedRequest, Repo, State, Token

MULTI = {"path", "ref", "branch", "basehead", "tree_sha", "commit_sha"}
JWT = "jwt"  # route needs the App's JWT
INSTALLATION = "installation"  # route needs any valid installation token, no repository
ORG_MEMBERS = "org-members"  # route below /orgs/{org}: the installation's own org, `members: read`
Need = tuple[tuple[str, str], ...] | str  # alternatives of (permission, level), or JWT/INSTALLATION


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class Call:
    method: str
    pattern: str
    args: dict[str, str]
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    repo: Repo | None
    token: Token | None
    jwt_claims: dict[str, Any] | None
    path: str = ""  # the request path as sent (for `Link` headers)


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[State, Call], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str
    regex: re.Pattern[str]
    handler: Handler
    need: Need


def compile_pattern(pattern: str) -> re.Pattern[str]:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        return f"(?P<{name}>.+)" if name in MULTI else f"(?P<{name}>[^/]+)"
    return re.compile("^" + re.sub(r"\{(\w+)\}", repl, pattern) + "$")


def make_routes(table: dict[tuple[str, str], tuple[Handler, Need]]) -> list[Route]:
    known = spec_document()["paths"]
    routes = []
    for (method, pattern), (handler, need) in table.items():
        assert pattern in known and method.lower() in known[pattern], f"{method} {pattern} not in the spec"
        routes.append(Route(method, pattern, compile_pattern(pattern), handler, need))
    # literal-heavy patterns first so `/commits/{ref}/status` wins over `/commits/{ref}`
    return sorted(routes, key=lambda r: -len(re.sub(r"\{\w+\}", "", r.pattern)))


@dataclass
class Fault:
    """Answer the next `times` matching requests with `status` (or sleep `delay` seconds first)."""

    status: int
    match: str = ""  # substring of "METHOD /path"
    times: int = 1
    headers: dict[str, str] = field(default_factory=dict)
    message: str = "Server Error"
    delay: float = 0.0


def paged(call: Call, rows: list[Any]) -> tuple[list[Any], dict[str, str]]:
    """One page of `rows` as GitHub serves a list: `per_page` (default 30, max 100), `page`, `Link`."""
    try:
        per_page, page = max(1, min(int(call.query.get("per_page", 30)), 100)), max(1, int(call.query.get("page", 1)))
    except ValueError:
        raise HttpError(422, "Validation Failed: page and per_page must be integers") from None
    last = max(1, -(-len(rows) // per_page))
    base = (call.repo.api if call.repo else "https://api.github.com") + call.path

    def url(n: int) -> str:
        return f"{base}?{urlencode({**call.query, 'per_page': per_page, 'page': n})}"

    links = ([f'<{url(page + 1)}>; rel="next"', f'<{url(last)}>; rel="last"'] if page < last else []) + \
        ([f'<{url(1)}>; rel="first"', f'<{url(page - 1)}>; rel="prev"'] if page > 1 else [])
    return rows[(page - 1) * per_page: page * per_page], ({"Link": ", ".join(links)} if links else {})


def error_body(message: str) -> dict[str, Any]:
    return {"message": message, "documentation_url": "https://docs.github.com/rest"}


def make_handler(server: Any) -> type[BaseHTTPRequestHandler]:
    """`server` is the StandIn: it holds state, routes, faults, checker and the JWT verifier."""

    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _dispatch(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            split = urlsplit(self.path)
            path = unquote(split.path)
            query = dict(parse_qsl(split.query))
            status, payload, headers, token, pattern = serve(server, self.command, path, query, raw,
                                                             dict(self.headers))
            data = b"" if payload is None else json.dumps(payload).encode()
            with server.state.lock:
                server.state.requests.append(LoggedRequest(self.command, path, pattern, status, token, raw))
            self.send_response(status)
            if token is not None and not any(k.lower().startswith("x-ratelimit") for k in headers):
                used = server.state.tokens[token].used  # GitHub counts per installation; per token is enough here
                headers = {**headers, "X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": str(max(0, 5000 - used))}
            for k, v in headers.items():
                self.send_header(k, v)
            if data:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _dispatch

    return _Handler


def _take_fault(server: Any, method: str, path: str) -> Fault | None:
    with server.state.lock:
        for f in server.faults:
            if f.times > 0 and f.match in f"{method} {path}":
                f.times -= 1
                return f
    return None


def serve(server: Any, method: str, path: str, query: dict[str, str], raw: bytes,
          headers: dict[str, str]) -> tuple[int, Any, dict[str, str], str | None, str | None]:
    """Answer one request: (status, JSON body, headers, installation token used, route pattern)."""
    checker: ContractChecker = server.checker
    if path == "/graphql":  # not in the OpenAPI subset: validated by hand there
        from tests.harness.github_standin.automerge import serve_graphql

        return serve_graphql(server, method, raw, headers)
    route, args = _match(server.routes, method, path)
    if route is None:
        checker.unknown(method, path)
        return 404, error_body("Not Found"), {}, None, None
    req = checker.check_request(method, route.pattern, args, query, raw, {"Content-Type": "application/json"})
    token_value = _bearer(headers)
    used = token_value if token_value in server.state.tokens else None
    fault = _take_fault(server, method, path)
    if fault is not None:
        time.sleep(fault.delay)
        return fault.status, error_body(fault.message), fault.headers, used, route.pattern
    try:
        call = _authorize(server, route, method, args, query, raw, headers, token_value)
        call.path = path
        with server.state.lock:
            reply = route.handler(server.state, call)
    except HttpError as exc:
        reply = Reply(exc.status, error_body(exc.message), exc.headers)
    body = b"" if reply.body is None else json.dumps(reply.body).encode()
    checker.check_response(req, method, reply.status, body)
    return reply.status, reply.body, reply.headers, used, route.pattern


def _match(routes: list[Route], method: str, path: str) -> tuple[Route | None, dict[str, str]]:
    for r in routes:
        m = r.regex.match(path)
        if m and r.method == method:
            return r, m.groupdict()
    return None, {}


def _bearer(headers: dict[str, str]) -> str | None:
    auth = headers.get("Authorization") or headers.get("authorization") or ""
    parts = auth.split(None, 1)
    return parts[1].strip() if len(parts) == 2 and parts[0].lower() in ("token", "bearer") else None


def _authorize(server: Any, route: Route, method: str, args: dict[str, str], query: dict[str, str],
               raw: bytes, headers: dict[str, str], value: str | None) -> Call:
    body = json.loads(raw) if raw else None
    call = Call(method, route.pattern, args, query, body, headers, None, None, None)
    if route.need == JWT:
        call.jwt_claims = server.verify_jwt(value)
        return call
    token = _valid_token(server.state, value)
    call.token = token
    if route.need == INSTALLATION:
        return call
    if route.need == ORG_MEMBERS:
        _authorize_org(server.state, token, args.get("org", ""))
        return call
    repo = server.state.repos.get(f"{args.get('owner')}/{args.get('repo')}")
    if repo is None or (token.repository_ids and repo.id not in token.repository_ids):
        raise HttpError(404, "Not Found")
    assert isinstance(route.need, tuple)
    if route.need and not any(LEVELS.get(_granted(token, p), 0) >= LEVELS[lv] for p, lv in route.need):
        raise HttpError(403, "Resource not accessible by integration")
    call.repo = repo
    return call


def _authorize_org(state: State, token: Token, org: str) -> None:
    inst = state.installations.get(token.installation_id)
    if inst is None or inst.account.lower() != org.lower():
        raise HttpError(404, "Not Found")
    if LEVELS.get(_granted(token, "members"), 0) < LEVELS["read"]:
        raise HttpError(403, "Resource not accessible by integration")


def _granted(token: Token, permission: str) -> str:
    return token.permissions.get(permission, "read" if permission == "metadata" else "")


def _valid_token(state: State, value: str | None) -> Token:
    from datetime import UTC, datetime

    with state.lock:
        token = state.tokens.get(value or "")
        if token is None or token.revoked or token.expires_at <= datetime.now(UTC):
            raise HttpError(401, "Bad credentials")
        token.used += 1
        return token
