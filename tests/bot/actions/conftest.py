"""A simulated GitHub Actions run of `.github/workflows/scan.yml` against the GitHub stand-in.

The stand-in plays GitHub (repository seeded with the demo infra repo, code scanning, PRs);
the runner's `GITHUB_TOKEN` is an installation token minted for that one repository; the
workspace is a clone of it (what `actions/checkout` leaves); `fixbot` comes from the project's
venv (what the install step provides).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.forge.github import AppCredentials, RepoRef, TokenBroker
from bot.forge.github.retry import RetryPolicy
from tests.harness.github_standin import StandIn
from tests.harness.github_standin.state import Repo
from tests.harness.workflow_sim import Context, StepRun, job_outputs, load_workflow, run_job, with_defaults

ROOT = Path(__file__).resolve().parents[3]
WORKFLOW = ROOT / ".github" / "workflows" / "scan.yml"
DEMO = ROOT / "bot" / "demo" / "sample_repo"
CHECKOV_JSON = ROOT / "tests" / "fixtures" / "sarif" / "demo_checkov.json"
WEBHOOKS = ROOT / "tests" / "fixtures" / "github" / "webhooks"  # GitHub's documented payloads (octokit)
WORKFLOW_TOKEN = {"contents": "write", "pull_requests": "write", "issues": "write", "checks": "write",
                  "statuses": "read", "security_events": "write", "metadata": "read"}
INSTALLERS = {"install", "checkov"}  # the test provides their effect (fixbot on PATH, FIXBOT_CHECKOV)


def demo_files() -> dict[str, str]:
    return {p.relative_to(DEMO).as_posix(): p.read_text() for p in sorted(DEMO.rglob("*")) if p.is_file()}


@dataclass
class Run:
    steps: list[StepRun]
    outputs: dict[str, str]

    def step(self, sid: str) -> StepRun:
        """The step's run; not run when it was skipped or an earlier step failed the job."""
        return next((s for s in self.steps if s.id == sid), StepRun(sid, False, 0, "", "", {}, ""))

    @property
    def summary(self) -> str:
        return "".join(s.summary for s in self.steps)


@dataclass
class Sim:
    gh: StandIn
    repo: Repo
    tmp: Path
    token: str

    @property
    def workspace(self) -> Path:
        return self.tmp / "workspace"

    def event(self) -> Path:
        """The push payload GitHub documents, pointed at this repository and commit."""
        payload: dict[str, Any] = json.loads((WEBHOOKS / "push.json").read_text())
        payload.update(ref="refs/heads/main", after=self.repo.store.ref("heads/main"))
        payload["repository"] = {**payload["repository"], "full_name": self.repo.full_name, "name": self.repo.name}
        path = self.tmp / "event.json"
        path.write_text(json.dumps(payload))
        return path

    def env(self, checkov: bool) -> dict[str, str]:
        temp = self.tmp / "runner-temp"
        temp.mkdir(exist_ok=True)
        env = {"PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
               "HOME": str(self.tmp), "GITHUB_ACTIONS": "true", "CI": "true",
               "GITHUB_REPOSITORY": self.repo.full_name, "GITHUB_SHA": self.repo.store.ref("heads/main") or "",
               "GITHUB_REF": "refs/heads/main", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": str(self.event()),
               "GITHUB_WORKSPACE": str(self.workspace), "RUNNER_TEMP": str(temp),
               "GITHUB_SERVER_URL": "https://github.com", "GITHUB_API_URL": self.gh.url,
               "GIT_CONFIG_GLOBAL": str(self.tmp / "gitconfig")}
        (self.tmp / "gitconfig").write_text("[user]\n\tname = runner\n\temail = runner@example.invalid\n")
        if checkov:
            env["FIXBOT_CHECKOV"] = str(ROOT / ".venv-checkov" / "bin" / "checkov")
        return env

    def run(self, inputs: dict[str, Any], *, checkov: bool = False, secrets: dict[str, str] | None = None) -> Run:
        workflow = load_workflow(WORKFLOW)
        ctx = Context(inputs=with_defaults(workflow, inputs), secrets=secrets or {}, github={"token": self.token,
                      "repository": self.repo.full_name}, runner={"temp": str(self.tmp / "runner-temp")})
        env = self.env(checkov)
        steps = run_job(workflow, "scan", ctx, env, self.workspace, self.tmp, INSTALLERS)
        return Run(steps, job_outputs(workflow, "scan", ctx))


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Sim]:
    with StandIn(tmp_path / "standin") as gh:
        owners = {"dev-alice": "write", "alice": "write"}  # CODEOWNERS users have write access
        repo = gh.add_repo("octo-org", "infra", demo_files(), collaborators=owners)
        gh.install([repo], WORKFLOW_TOKEN)
        broker = TokenBroker(AppCredentials(gh.app_id, gh.private_key_pem), gh.url, retry=RetryPolicy(2, 0.01))
        with broker.token(RepoRef(repo.owner, repo.name), WORKFLOW_TOKEN) as tok:  # the job's GITHUB_TOKEN
            subprocess.run(["git", "clone", "-q", repo.store.path.as_uri(), str(tmp_path / "workspace")], check=True)
            yield Sim(gh, repo, tmp_path, tok.value)
        broker.close()
        violations = gh.checker.violations
        assert not violations, "\n".join(f"{v.kind} {v.method} {v.path} {v.status}: {v.detail}" for v in violations)
