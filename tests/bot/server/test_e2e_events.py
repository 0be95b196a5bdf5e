"""End to end: signed webhook → fixbot server → lifecycle → GitHubForge (PyGithub) → stand-in.

Real checkov, real policy, real git repositories behind a contract-checked GitHub stand-in.
The fixture asserts after each test: every request and response matched GitHub's OpenAPI
description, every token was narrowed to this one repository and revoked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.bot.server.conftest import DEV
from tests.harness.github_standin import Fault
from tests.harness.github_standin.state import Pull
from tests.harness.github_standin.webhooks import Hooks, hooks, payload
from tests.harness.github_standin.world import World

pytestmark = pytest.mark.checkov


def install(h: Hooks, w: World) -> int:
    repos = [{"id": w.repo.id, "node_id": "R_1", "name": w.repo.name, "full_name": w.repo.full_name, "private": True}]
    return h.send("installation", payload("installation.created", w, repositories=repos))


def pr_for(w: World, path_part: str) -> Pull:
    (pr,) = [p for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/make_bucket_acl_private/")
             and path_part in (w.repo.store.read_path(f"refs/heads/{p.head}", "dev/main.tf") or b"").decode()
             + str(p.body)]
    return pr


def fixes(w: World) -> dict[str, Pull]:
    out = {}
    for p in w.gh.pulls(w.repo):
        if "aws\\_s3\\_bucket.dev" in p.body or "aws_s3_bucket.dev" in p.body:
            out["dev"] = p
        elif "aws\\_s3\\_bucket.prod" in p.body or "aws_s3_bucket.prod" in p.body:
            out["prod"] = p
    return out


def review(w: World, pr: Pull, login: str) -> dict[str, Any]:
    w.gh.approve(w.repo, pr.number, login)
    body = payload("pull_request_review.submitted", w)
    body["review"].update(state="approved", user={**body["review"]["user"], "login": login})
    body["pull_request"].update(number=pr.number, head={**body["pull_request"]["head"], "ref": pr.head})
    return body


def test_install_merges_what_policy_allows_and_asks_code_owners_for_the_rest(infra: World, tmp_path: Path) -> None:
    w = infra
    w.gh.inject(Fault(502, "POST /repos/octo-org/infra/pulls"))
    w.gh.inject(Fault(403, "POST /repos/octo-org/infra/git/trees", headers={"Retry-After": "3"},
                      message="You have exceeded a secondary rate limit"))
    w.gh.inject(Fault(429, "GET /repos/octo-org/infra/branches/main", headers={"Retry-After": "2"}))
    with hooks(w, tmp_path) as h:
        assert install(h, w) == 202
    assert 3.0 in w.sleeps and 2.0 in w.sleeps and len(w.sleeps) >= 3  # every fault retried, waits honoured
    prs = fixes(w)
    dev, prod = prs["dev"], prs["prod"]
    assert dev.merged and dev.labels == ["fixbot", "security"]
    main_tf = w.repo.store.read_path("main", "dev/main.tf")
    assert main_tf is not None and b'acl    = "private"' in main_tf
    assert w.repo.store.read_path("main", "prod/main.tf") == w.repo.store.read_path("main~1", "prod/main.tf")
    assert prod.state == "open" and prod.reviewers == ["alice"]  # CODEOWNERS: last match `*.tf @alice`
    assert "```mermaid" in prod.body and "fixbot-meta" in prod.body
    checks = {c.name: c.conclusion for c in w.repo.checks if c.head_sha == dev.head_sha}
    assert checks == {"fixbot/pre-merge": "success"}
    for token in w.gh.tokens():  # least privilege: never admin, never more than the union an op needs
        assert "administration" not in token.permissions and len(token.permissions) <= 4


def test_approval_counts_only_from_a_writer_who_owns_the_files_on_the_current_head(
        infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        install(h, w)
        prod = fixes(w)["prod"]
        h.send("pull_request_review", review(w, prod, "bob"))  # read access only
        assert "needs write access" in w.repo.comments[prod.number][-1].body
        h.send("pull_request_review", review(w, prod, "carol"))  # admin, but CODEOWNERS names alice
        assert not w.repo.issues[prod.number].merged
        h.send("pull_request_review", review(w, prod, "alice"))
    assert w.repo.issues[prod.number].merged
    merged = w.repo.store.commit_info("main").message
    assert "Fixbot-Approved-By: alice" in merged


def test_a_pr_closed_by_a_human_is_remembered_and_not_reopened(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        install(h, w)
        prod = fixes(w)["prod"]
        w.gh.human_close(w.repo, prod.number, "carol")
        closed = payload("pull_request.closed", w)
        closed["pull_request"].update(number=prod.number, merged=False, body=prod.body,
                                      head={**closed["pull_request"]["head"], "ref": prod.head})
        closed["sender"] = {**closed["sender"], "login": "carol"}
        assert h.send("pull_request", closed) == 202
        assert "will not reopen" in w.repo.comments[prod.number][-1].body
        assert h.send("push", payload("push", w, ref="refs/heads/main")) == 202
    about_prod = [p for p in w.gh.pulls(w.repo) if "aws_s3_bucket.prod" in p.title]
    assert [p.number for p in about_prod] == [prod.number] and about_prod[0].state == "closed"
    assert "fixbot-closed-by" in w.repo.issues[prod.number].body


def test_green_checks_event_merges_a_pr_branch_protection_held_back(infra: World, tmp_path: Path) -> None:
    w = infra
    w.gh.protect(w.repo, "main", ["fixbot/pre-merge", "ci"])
    with hooks(w, tmp_path) as h:
        install(h, w)
        dev = fixes(w)["dev"]
        assert not dev.merged  # GitHub refused: required status `ci` missing
        w.gh.set_status(w.repo, dev.head_sha, "ci", "success")
        status = payload("check_suite.completed", w)
        status["check_suite"].update(head_sha=dev.head_sha, conclusion="success")
        assert h.send("check_suite", status) == 202
    assert w.repo.issues[dev.number].merged


def test_failed_apply_opens_a_revert_pr(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        install(h, w)
        merged_main = w.repo.store.ref("heads/main")
        run = payload("workflow_run.completed", w)
        run["workflow_run"].update(name="terraform apply", conclusion="failure", head_branch="main")
        assert h.send("workflow_run", run) == 202
    reverts = [p for p in w.gh.pulls(w.repo) if p.head.startswith("fixbot/revert/")]
    assert len(reverts) == 1 and "revert" in reverts[0].labels
    assert merged_main is not None and merged_main[:10] in reverts[0].head
    restored = w.repo.store.read_path(f"refs/heads/{reverts[0].head}", "dev/main.tf")
    assert restored == DEV.encode() or w.repo.issues[reverts[0].number].merged


def test_caps_limit_new_prs_highest_risk_first(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path, max_new_prs_per_hour=1) as h:
        install(h, w)
    assert list(fixes(w)) == ["prod"]  # prod (restricted environment) carries the higher risk


def test_plan_and_fix_commands_run_the_chain(infra: World, tmp_path: Path) -> None:
    w = infra
    with hooks(w, tmp_path) as h:
        c = w.gh.human_comment(w.repo, 50, "alice", "/fixbot plan")
        body = payload("issue_comment.created", w)
        body["issue"]["number"] = 50
        body["issue"].pop("pull_request", None)
        body["comment"].update(id=c.id, body="/fixbot plan", user={**body["comment"]["user"], "login": "alice"})
        h.send("issue_comment", body)
        assert "Planned changes" in w.repo.comments[50][-1].body and not w.gh.pulls(w.repo)
        c = w.gh.human_comment(w.repo, 50, "alice", "/fixbot fix aws_s3_bucket.dev")
        body["comment"].update(id=c.id, body="/fixbot fix aws_s3_bucket.dev")
        h.send("issue_comment", body)
    assert list(fixes(w)) == ["dev"] and "merged" in w.repo.comments[50][-1].body
