"""SARIF upload to code scanning through the stand-in (contract-checked), App and workflow tokens."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import ForgeError, InputError
from bot.forge.github import AppCredentials, RepoRef, TokenBroker
from bot.forge.github.client import ClientConfig
from bot.forge.github.code_scanning import encode_sarif, upload_body, upload_sarif
from bot.forge.github.retry import RetryPolicy
from bot.forge.github.static_token import StaticTokenBroker
from tests.harness.github_standin import StandIn
from tests.harness.github_standin.state import Repo

SARIF = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "fixbot"}}, "results": []}]}
PERMS = {"contents": "read", "security_events": "write", "metadata": "read"}


@pytest.fixture
def gh(tmp_path: Path) -> Iterator[StandIn]:
    with StandIn(tmp_path / "standin") as s:
        yield s
        assert not s.checker.violations, s.checker.violations


def _setup(gh: StandIn, perms: dict[str, str]) -> tuple[Repo, TokenBroker, ClientConfig]:
    repo = gh.add_repo("octo-org", "infra", {"main.tf": "# empty\n"})
    gh.install([repo], perms)
    broker = TokenBroker(AppCredentials(gh.app_id, gh.private_key_pem), gh.url, retry=RetryPolicy(1, 0.01))
    return repo, broker, ClientConfig(api_url=gh.url, retry=RetryPolicy(1, 0.01))


def test_app_upload_is_gzip_base64_tied_to_commit_and_ref(gh: StandIn) -> None:
    repo, broker, client = _setup(gh, PERMS)
    sha = repo.store.ref("heads/main") or ""
    up = upload_sarif(broker, RepoRef("octo-org", "infra"), client, SARIF, sha, "refs/heads/main")
    [got] = gh.sarif_uploads(repo)
    assert (got.id, got.commit_sha, got.ref, got.sarif, got.tool_name) == (up.id, sha, "refs/heads/main", SARIF,
                                                                           "fixbot")
    [token] = gh.tokens()
    assert token.permissions == {"security_events": "write"} and token.repository_ids == (repo.id,)
    assert token.revoked
    broker.close()


def test_workflow_token_upload_and_missing_permission(gh: StandIn) -> None:
    repo, broker, client = _setup(gh, {"contents": "read", "security_events": "read"})
    with broker.token(RepoRef("octo-org", "infra"), {"contents": "read", "security_events": "read"}) as tok:
        static = StaticTokenBroker(tok.value, gh.url)
        sha = repo.store.ref("heads/main") or ""
        with pytest.raises(ForgeError, match=r"upload SARIF .*\(403\)"):
            upload_sarif(static, RepoRef("octo-org", "infra"), client, SARIF, sha, "refs/heads/main")
        assert tok.value not in repr(static)
    assert gh.sarif_uploads(repo) == []
    broker.close()


def test_unknown_commit_is_refused_by_code_scanning(gh: StandIn) -> None:
    _, broker, client = _setup(gh, PERMS)
    with pytest.raises(ForgeError, match=r"\(400\)"):
        upload_sarif(broker, RepoRef("octo-org", "infra"), client, SARIF, "a" * 40, "refs/heads/main")
    broker.close()


def test_body_validation_before_any_request() -> None:
    with pytest.raises(InputError, match="40-hex"):
        upload_body(SARIF, "abc", "refs/heads/main")
    with pytest.raises(InputError, match="refs/heads"):
        upload_body(SARIF, "a" * 40, "main")
    packed = upload_body(SARIF, "a" * 40, "refs/pull/7/merge")["sarif"]
    assert json.loads(gzip.decompress(base64.b64decode(packed))) == SARIF
    assert encode_sarif(SARIF) == encode_sarif(SARIF)  # deterministic (no gzip timestamp)
