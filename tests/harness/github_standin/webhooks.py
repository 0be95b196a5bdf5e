"""Signed webhook deliveries for the fixbot server, built on the octokit example payloads."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import SecretBytes, SecretStr
from starlette.testclient import TestClient

from bot.forge.github.retry import RetryPolicy
from bot.server.compose import Server, build_server
from bot.server.engine import Engine
from bot.server.settings import Settings
from bot.server.signature import sign
from tests.harness.github_standin.world import World

PAYLOADS = Path(__file__).resolve().parents[2] / "fixtures" / "github" / "webhooks"
SECRET = "test-webhook-secret-0123456789"


@cache
def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    return data


def payload(name: str, w: World, **overrides: Any) -> dict[str, Any]:
    """An example payload re-pointed at the stand-in's repository and installation."""
    data = copy.deepcopy(_example(name))
    if "repository" in data:
        data["repository"].update(id=w.repo.id, name=w.repo.name, full_name=w.repo.full_name,
                                  default_branch=w.repo.default_branch)
    data["installation"] = {"id": w.installation.id, "node_id": "I_1"}
    data.update(overrides)
    return data


@dataclass
class Hooks:
    client: TestClient
    server: Server
    secret: bytes = SECRET.encode()
    sent: list[str] = field(default_factory=list)

    def send(self, event: str, body: dict[str, Any] | bytes, *, delivery: str | None = None,
             signature: str | None = None, wait: bool = True) -> int:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        did = delivery or str(uuid.uuid4())
        headers = {"X-GitHub-Event": event, "X-GitHub-Delivery": did, "Content-Type": "application/json",
                   "X-Hub-Signature-256": sign(self.secret, raw) if signature is None else signature}
        status = self.client.post("/webhook", content=raw, headers=headers).status_code
        if wait:
            assert self.server.worker.join(timeout=240), "the worker did not finish"
        self.sent.append(did)
        return status


def settings_for(w: World, tmp: Path, **extra: Any) -> Settings:
    extra.setdefault("sweep_interval_seconds", 0)  # no scheduled rescan racing a test's own events
    return Settings(app_id=w.gh.app_id, private_key=SecretBytes(w.gh.private_key_pem),
                    webhook_secret=SecretStr(SECRET), github_url=w.gh.url, work_dir=tmp / "work", **extra)


@contextmanager
def hooks(w: World, tmp: Path, engine: Engine | None = None, run_checkov: bool = True,
          **extra: Any) -> Iterator[Hooks]:
    server = build_server(settings_for(w, tmp, **extra), engine, retry=RetryPolicy(attempts=4, base_delay=0.01),
                          sleep=w.sleeps.append, run_checkov=run_checkov)
    try:
        with TestClient(server.app) as client:
            yield Hooks(client, server)
    finally:
        server.close()
