"""`.github/workflows/scan.yml`'s own steps, run as the runner would, against the GitHub stand-in."""

from __future__ import annotations

import json

import pytest

from bot.forge.github import AppCredentials, RepoRef, TokenBroker
from tests.bot.actions.conftest import CHECKOV_JSON, Sim
from tests.harness.sarif_schema import schema_errors


def test_report_mode_uploads_sarif_writes_summary_outputs_and_fails_on_threshold(sim: Sim) -> None:
    run = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False,
                   "fail-threshold": "0.9"})
    scan = run.step("scan")
    assert scan.ran and scan.returncode == 0, scan.stderr
    assert not run.step("fix").ran
    # SARIF reached code scanning, for this commit and ref, valid against the OASIS schema
    [upload] = sim.gh.sarif_uploads(sim.repo)
    assert (upload.commit_sha, upload.ref) == (sim.repo.store.ref("heads/main"), "refs/heads/main")
    assert schema_errors(upload.sarif) == []
    assert len(upload.sarif["runs"][0]["results"]) == int(run.outputs["findings"]) == 76
    # outputs: the job's outputs are the workflow_call outputs
    assert run.outputs["sarif-id"] == upload.id
    assert float(run.outputs["max-risk"]) >= 0.9 and run.outputs["failed"] == "true"
    above = int(run.outputs["above-threshold"])
    # annotations: one ::error per finding at or above the threshold, on repository paths
    errors = [line for line in scan.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == min(above, 50) and all("file=terraform/" in e or "file=k8s/" in e for e in errors)
    # the summary is risk-ordered and names the decisions and the upload
    assert "## fixbot scan" in run.summary and "Decisions:" in run.summary and upload.id in run.summary
    risks = [float(r.split("|")[1]) for r in run.summary.splitlines() if r.startswith("| 0.") or r.startswith("| 1.")]
    assert risks == sorted(risks, reverse=True) and len(risks) == 76
    # the last step fails the job, after everything else ran
    threshold = run.step("threshold")
    assert threshold.ran and threshold.returncode == 1 and "at or above risk 0.9" in threshold.stdout


def test_fix_mode_opens_prs_through_policy_and_links_them(sim: Sim) -> None:
    run = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False, "mode": "fix"})
    fix = run.step("fix")
    assert fix.ran and fix.returncode == 0, fix.stderr[-3000:]
    pulls = sim.gh.pulls(sim.repo)
    assert pulls, fix.stdout[-2000:]
    assert all(p.head.startswith("fixbot/") and "fixbot" in p.labels for p in pulls)
    urls = json.loads(run.outputs["prs"])
    assert sorted(urls) == sorted(f"https://github.com/octo-org/infra/pull/{p.number}" for p in pulls)
    assert "## fixbot fix" in run.summary
    for p in pulls:
        assert f"[#{p.number}](https://github.com/octo-org/infra/pull/{p.number})" in run.summary
    assert not run.step("threshold").ran  # no fail-threshold given: never fails
    # caps from .fixbot.yml defaults: at most 5 new PRs an hour
    assert len(pulls) <= 5


def test_fix_mode_respects_the_caps_of_the_default_branch_config(sim: Sim) -> None:
    sim.gh.push(sim.repo, "main", {".fixbot.yml": "caps:\n  max_new_prs_per_hour: 1\n"}, "cap fixbot")
    run = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False, "mode": "fix"})
    assert run.step("fix").returncode == 0, run.step("fix").stderr[-2000:]
    [pr] = sim.gh.pulls(sim.repo)
    assert "aws_s3_bucket.payments" in pr.title + pr.body  # the highest risk resource goes first
    assert "resource(s) deferred by the PR caps" in run.summary
    assert "| deny |" in run.summary  # denied fixes are reported and took no slot


def test_a_second_fix_run_keeps_prs_and_the_scan_links_them(sim: Sim) -> None:
    first = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False, "mode": "fix"})
    assert first.step("fix").returncode == 0, first.step("fix").stderr[-2000:]
    opened = {p.number for p in sim.gh.pulls(sim.repo)}
    second = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False, "mode": "fix"})
    assert second.step("fix").returncode == 0, second.step("fix").stderr[-2000:]
    assert {p.number for p in sim.gh.pulls(sim.repo) if p.number in opened} == opened
    scan_summary = second.step("scan").summary
    assert any(f"#{n}" in scan_summary for n in opened)  # the scan table links the open fix PRs


def test_app_credentials_mint_narrow_revoked_tokens_instead_of_the_workflow_token(sim: Sim) -> None:
    before = {t.value for t in sim.gh.tokens()}
    run = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False, "mode": "fix",
                   "app-id": str(sim.gh.app_id)}, secrets={"app-private-key": sim.gh.private_key_pem.decode()})
    assert run.step("fix").returncode == 0, run.step("fix").stderr[-2000:]
    assert sim.gh.sarif_uploads(sim.repo) and sim.gh.pulls(sim.repo)
    minted = [t for t in sim.gh.tokens() if t.value not in before]
    assert minted and all(t.revoked and t.repository_ids == (sim.repo.id,) for t in minted)
    assert {"security_events": "write"} in [t.permissions for t in minted]  # the upload's own token
    workflow_token = next(t for t in sim.gh.tokens() if t.value == sim.token)
    assert workflow_token.used == 0  # GITHUB_TOKEN was never used when App credentials were given


def test_a_refused_upload_fails_the_step_after_writing_summary_and_outputs(sim: Sim) -> None:
    broker = TokenBroker(AppCredentials(sim.gh.app_id, sim.gh.private_key_pem), sim.gh.url)
    with broker.token(RepoRef(sim.repo.owner, sim.repo.name), {"contents": "read", "pull_requests": "read"}) as tok:
        sim.token = tok.value  # a GITHUB_TOKEN without security-events: write
        run = sim.run({"findings": str(CHECKOV_JSON), "run-checkov": False, "dashboard": False})
    broker.close()
    scan = run.step("scan")
    assert scan.returncode == 2 and "upload SARIF" in scan.stderr and "(403)" in scan.stderr
    assert sim.gh.sarif_uploads(sim.repo) == []
    assert "**GitHub step failed** (nothing uploaded)" in scan.summary and "| 0.94 |" in scan.summary
    assert scan.outputs["findings"] == "76" and "sarif-id" not in scan.outputs
    assert not run.step("threshold").ran


def test_bad_mode_fails_before_anything_runs(sim: Sim) -> None:
    run = sim.run({"mode": "yolo", "run-checkov": False})
    first = run.steps[0]
    assert first.returncode == 2 and "mode must be report or fix" in first.stdout
    assert not run.step("scan").ran and sim.gh.sarif_uploads(sim.repo) == []


@pytest.mark.checkov
def test_report_mode_with_real_checkov_and_the_dashboard(sim: Sim) -> None:
    run = sim.run({}, checkov=True)
    assert run.step("scan").returncode == 0, run.step("scan").stderr[-2000:]
    [upload] = sim.gh.sarif_uploads(sim.repo)
    assert schema_errors(upload.sarif) == [] and upload.sarif["runs"][0]["results"]
    dash = run.step("dashboard")
    assert dash.ran and dash.returncode == 0, dash.stderr[-2000:]
