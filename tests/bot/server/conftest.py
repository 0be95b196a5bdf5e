from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.server.queue_fixtures import backend, queue_url, redis_url  # noqa: F401  (shared fixtures)
from tests.harness.github_standin.world import World, world

DEV = 'resource "aws_s3_bucket" "dev" {\n  bucket = "acme-dev"\n  acl    = "public-read"\n}\n'
PROD = 'resource "aws_s3_bucket" "prod" {\n  bucket = "acme-prod"\n  acl    = "public-read"\n}\n'
CONFIG = ('environments:\n  - path: "dev/**"\n    environment: dev\n'
          '  - path: "prod/**"\n    environment: prod\n')
FILES = {".fixbot.yml": CONFIG, "dev/main.tf": DEV, "prod/main.tf": PROD, "CODEOWNERS": "prod/ @carol\n*.tf @alice\n",
         "README.md": "infra\n"}


def _check(wd: World) -> None:
    violations = wd.gh.checker.violations
    assert not violations, "\n".join(f"{v.kind} {v.method} {v.path} {v.status}: {v.detail}" for v in violations)
    assert not wd.gh.unrevoked_used_tokens(), "a token fixbot minted was never revoked"
    for t in wd.gh.tokens():
        assert t.repository_ids == (wd.repo.id,), f"token not narrowed to one repository: {t.repository_ids}"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as wd:
        yield wd
        _check(wd)


@pytest.fixture
def infra(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path, FILES) as wd:
        yield wd
        _check(wd)
