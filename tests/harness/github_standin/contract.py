"""Validate every request and response against GitHub's OpenAPI description (openapi-core).

The document is loaded once per process (it is 3.7 MB) with the `relax()` fix-ups described in
`tests/fixtures/github/README.md`. Violations are collected, never raised inside the server, so
a test can assert at teardown that there were none.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

SPEC_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "github" / "openapi-subset.json"
SERVER = "https://api.github.com"


def relax(o: Any) -> Any:
    """Let null pass nullable enums; drop readOnly from parameter schemas."""
    if isinstance(o, dict):
        if o.get("nullable") and None not in o.get("enum", [None]):
            o["enum"] = [*o["enum"], None]
        if o.get("in") in ("path", "query"):
            o.get("schema", {}).pop("readOnly", None)
        for v in o.values():
            relax(v)
    elif isinstance(o, list):
        for v in o:
            relax(v)
    return o


@cache
def spec_document() -> dict[str, Any]:
    doc: dict[str, Any] = relax(json.loads(SPEC_PATH.read_text()))
    return doc


@cache
def openapi() -> OpenAPI:
    return OpenAPI.from_dict(spec_document())


def documented_statuses(pattern: str, method: str) -> set[str]:
    op = spec_document()["paths"].get(pattern, {}).get(method.lower(), {})
    return set(op.get("responses", {}))


@dataclass(frozen=True)
class Violation:
    kind: str  # "request" | "response" | "unknown-endpoint"
    method: str
    path: str
    status: int | None
    detail: str


def _describe(exc: BaseException) -> str:
    """The innermost schema errors, short enough to read in a test failure."""
    parts: list[str] = [type(exc).__name__]
    seen: BaseException | None = exc
    while seen is not None:
        for err in getattr(seen, "schema_errors", ()) or ():
            parts.append(f"{list(err.absolute_path)}: {err.message[:200]}")
        seen = seen.__cause__
    if len(parts) == 1:
        parts.append(str(exc)[:300])
    return "; ".join(parts)


class ContractChecker:
    """Thread-safe collector of contract violations."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.violations: list[Violation] = []
        self.checked = 0

    def _mock(self, method: str, pattern: str, args: dict[str, str], query: dict[str, str],
              body: bytes, headers: dict[str, str]) -> MockRequest:
        path = pattern.format(**args)
        return MockRequest(SERVER, method.lower(), path, path_pattern=pattern, view_args=args,
                           args=query, data=body or None, headers=headers,
                           content_type=headers.get("Content-Type", "application/json") if body else None)  # type: ignore[arg-type]

    def check_request(self, method: str, pattern: str, args: dict[str, str], query: dict[str, str],
                      body: bytes, headers: dict[str, str]) -> MockRequest:
        req = self._mock(method, pattern, args, query, body, headers)
        errors = [_describe(e) for e in openapi().iter_request_errors(req)]
        self._record("request", method, req.path, None, errors)
        return req

    def check_response(self, req: MockRequest, method: str, status: int, body: bytes,
                       content_type: str = "application/json") -> None:
        if str(status) not in documented_statuses(req.path_pattern or req.path, method):
            return  # e.g. an injected 500 or a 401 for an expired token: GitHub sends them undocumented
        resp = MockResponse(body, status_code=status, content_type=content_type)
        errors = [_describe(e) for e in openapi().iter_response_errors(req, resp)]
        self._record("response", method, req.path, status, errors)

    def unknown(self, method: str, path: str) -> None:
        self._record("unknown-endpoint", method, path, None, ["not in openapi-subset.json"])

    def _record(self, kind: str, method: str, path: str, status: int | None, errors: list[str]) -> None:
        with self._lock:
            self.checked += 1
            self.violations.extend(Violation(kind, method.upper(), path, status, e) for e in errors)
