"""`fixbot scan --upload-sarif` from any CI, and the GitHub credentials the CLI accepts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli.github_session import api_url, make_broker, parse_repo
from bot.cli.main import main
from bot.errors import ConfigError, InputError
from bot.forge.github import AppCredentials, RepoRef, TokenBroker
from bot.forge.github.static_token import StaticTokenBroker
from tests.harness.github_standin import StandIn
from tests.harness.github_standin.state import Repo

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "bot" / "demo" / "sample_repo"
CHECKOV_JSON = ROOT / "tests" / "fixtures" / "sarif" / "demo_checkov.json"


def test_repo_names_and_api_urls_are_checked() -> None:
    assert parse_repo("octo-org/infra.tf") == RepoRef("octo-org", "infra.tf")
    for bad in (None, "", "infra", "a/b/c", "../x", "o/..", "o/r;rm"):
        with pytest.raises(InputError, match="OWNER/NAME"):
            parse_repo(bad)
    assert api_url({}) == "https://api.github.com"
    assert api_url({"GITHUB_API_URL": "https://ghe.example/api/v3/"}) == "https://ghe.example/api/v3"
    with pytest.raises(ConfigError, match="https"):
        api_url({"FIXBOT_GITHUB_API_URL": "http://evil.example"})


def test_credentials_app_first_then_workflow_token() -> None:
    with pytest.raises(ConfigError, match="GITHUB_TOKEN"):
        make_broker({}, "https://api.github.com")
    assert isinstance(make_broker({"GITHUB_TOKEN": "ghs_x"}, "https://api.github.com"), StaticTokenBroker)
    with pytest.raises(ConfigError, match="private key"):
        make_broker({"FIXBOT_APP_ID": "12", "GITHUB_TOKEN": "ghs_x"}, "https://api.github.com")
    with pytest.raises(ConfigError, match="not a number"):
        make_broker({"FIXBOT_APP_ID": "twelve"}, "https://api.github.com")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[tuple[StandIn, Repo, str]]:
    with StandIn(tmp_path / "standin") as gh:
        repo = gh.add_repo("octo-org", "infra", {"README.md": "x\n"})
        gh.install([repo], {"security_events": "write", "pull_requests": "read"})
        broker = TokenBroker(AppCredentials(gh.app_id, gh.private_key_pem), gh.url)
        with broker.token(RepoRef("octo-org", "infra"), {"security_events": "write", "pull_requests": "read"}) as t:
            yield gh, repo, t.value
        broker.close()
        assert not gh.checker.violations, gh.checker.violations


def test_upload_outside_actions_with_explicit_commit_and_ref(hub: tuple[StandIn, Repo, str], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    gh, repo, token = hub
    shutil.copytree(DEMO, tmp_path / "demo")
    for k in ("GITHUB_ACTIONS", "GITHUB_SHA", "GITHUB_REF", "GITHUB_REPOSITORY", "FIXBOT_APP_ID"):
        monkeypatch.delenv(k, raising=False)
    monkeypatch.setenv("GITHUB_TOKEN", token)
    monkeypatch.setenv("FIXBOT_GITHUB_API_URL", gh.url)
    base = ["scan", str(tmp_path / "demo"), "--no-checkov", "--findings", str(CHECKOV_JSON), "--format", "json",
            "--output", str(tmp_path / "r.json"), "--upload-sarif", "--repo", "octo-org/infra"]
    assert main(base) == 2  # no commit/ref outside Actions: a clear usage error, nothing sent
    assert "--upload-sarif needs the analysed commit and ref" in capsys.readouterr().err
    assert gh.sarif_uploads(repo) == []
    sha = repo.store.ref("heads/main") or ""
    assert main([*base, "--commit", sha, "--ref", "refs/heads/main", "--only-path", "k8s"]) == 0
    [up] = gh.sarif_uploads(repo)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in up.sarif["runs"][0]["results"]}
    assert uris and all(u.startswith("k8s/") for u in uris)
    assert not capsys.readouterr().out.startswith("::")  # no workflow commands outside Actions
