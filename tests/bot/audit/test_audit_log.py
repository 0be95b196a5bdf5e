from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.audit.log import AUDIT_REF, AuditLog
from bot.audit.sink import AuditSink
from bot.audit.timeline import by_finding
from bot.audit.trailers import parse_trailers, with_trailers
from bot.audit.verify import verify
from bot.forge.local import LocalForge
from tests.harness.gitrepo import git, make_repo


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    repo = make_repo(tmp_path / "repo", {"a.tf": "a\n"})
    forge = LocalForge(repo)
    sink = AuditSink(tmp_path)
    return AuditLog(forge.repo, forge.state_dir, sink)


def _fill(log: AuditLog) -> None:
    log.record("decision", {"Fixbot-Finding": "f1", "Fixbot-Decision": "deny", "Fixbot-Policy-Version": "v1"})
    log.record("decision", {"Fixbot-Finding": "f2", "Fixbot-Decision": "allow", "Fixbot-Policy-Version": "v1"})
    log.record("pr_opened", {"Fixbot-Finding": "f2", "Fixbot-PR": "1"})


def test_trailers_round_trip_and_cannot_be_forged() -> None:
    msg = with_trailers("subject\n\nbody", {"Fixbot-Finding": "a\nFixbot-Decision: allow", "Fixbot-Rule": "CKV_1"})
    t = parse_trailers(msg)
    assert t == {"Fixbot-Finding": "a Fixbot-Decision: allow", "Fixbot-Rule": "CKV_1"}


def test_records_are_empty_commits_on_the_audit_ref(log: AuditLog, tmp_path: Path) -> None:
    _fill(log)
    recs = log.records()
    assert [r.seq for r in recs] == [1, 2, 3]
    assert [r.event for r in recs] == ["decision", "decision", "pr_opened"]
    assert recs[0].get("Fixbot-Decision") == "deny"
    assert by_finding(recs) == {"f1": ["decision"], "f2": ["decision", "pr_opened"]}
    root = Path(log.repo.working_tree_dir or "")
    assert git(root, "log", "--format=%s", AUDIT_REF).splitlines()[0] == "fixbot audit #3: pr_opened"
    assert git(root, "diff-tree", "--no-commit-id", "-r", AUDIT_REF).strip() == ""
    sink_lines = (tmp_path / "fixbot-audit.jsonl").read_text().splitlines()
    assert [json.loads(x)["seq"] for x in sink_lines] == [1, 2, 3]
    assert verify(log, "main", log.sink) == []


def _rewrite_audit(root: Path, keep_message_edit: bool) -> None:
    """Rewrite the audit ref's first record (edit or drop it) and replay the rest."""
    shas = git(root, "rev-list", "--reverse", AUDIT_REF).split()
    tree = git(root, "rev-parse", f"{shas[0]}^{{tree}}").strip()
    parent: list[str] = []
    for i, sha in enumerate(shas):
        msg = git(root, "log", "-1", "--format=%B", sha)
        if i == 0 and not keep_message_edit:
            continue
        if i == 0:
            msg = msg.replace("Fixbot-Decision: deny", "Fixbot-Decision: allow")
        args = ["commit-tree", tree, *[x for p in parent for x in ("-p", p)], "-m", msg]
        parent = [git(root, *args).strip()]
    git(root, "update-ref", AUDIT_REF, parent[0])


def test_verify_detects_an_edited_record(log: AuditLog) -> None:
    _fill(log)
    _rewrite_audit(Path(log.repo.working_tree_dir or ""), keep_message_edit=True)
    problems = verify(log, "main", log.sink)
    assert any("edited" in p.message for p in problems)
    assert any("external sink" in p.message for p in problems)


def test_verify_detects_a_dropped_record_without_the_sink(log: AuditLog) -> None:
    _fill(log)
    _rewrite_audit(Path(log.repo.working_tree_dir or ""), keep_message_edit=False)
    messages = [p.message for p in verify(log, "main", None)]
    assert any("missing" in m for m in messages)
    assert any("rewritten" in m or "record #3" in m for m in messages)


def test_verify_detects_a_truncated_history(log: AuditLog) -> None:
    _fill(log)
    root = Path(log.repo.working_tree_dir or "")
    git(root, "update-ref", AUDIT_REF, f"{AUDIT_REF}~1")
    messages = [p.message for p in verify(log, "main", log.sink)]
    assert any("the last record written was #3" in m for m in messages)
    assert any("missing from git" in m for m in messages)


def test_sink_is_only_appended(log: AuditLog, tmp_path: Path) -> None:
    path = tmp_path / "fixbot-audit.jsonl"
    path.write_text('{"earlier": "line kept"}\n')
    log.record("decision", {"Fixbot-Finding": "f"})
    assert path.read_text().splitlines()[0] == '{"earlier": "line kept"}'


def test_a_long_detail_cut_at_a_space_still_verifies(log: AuditLog) -> None:
    """A value cut at the trailer length limit must read back exactly as it was hashed."""
    detail = "; ".join(f"rule_{i}: reason number {i} explains itself" for i in range(20))
    for shift in range(12):  # some cut lands on a space, whatever the exact wording
        log.record("decision", {"Fixbot-Detail": "x" * shift + " " + detail, "Fixbot-Decision": "deny"})
    assert verify(log, "main", log.sink) == []
