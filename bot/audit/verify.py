"""`fixbot audit --verify`: detect a rewritten, edited or missing audit record."""

from __future__ import annotations

from collections.abc import Sequence

import git

from bot.audit.log import AuditLog
from bot.audit.record import GENESIS, AuditRecord
from bot.audit.sink import AuditSink
from bot.audit.trailers import parse_trailers
from bot.gitstore import gitops
from bot.models.common import ErrorEntry


def _problem(message: str, record: AuditRecord | None = None) -> ErrorEntry:
    where = f"record #{record.seq} ({(record.commit or '')[:12]})" if record else None
    return ErrorEntry(kind="audit", message=message, file=where)


def check_chain(records: Sequence[AuditRecord]) -> list[ErrorEntry]:
    """Sequence numbers contiguous, every hash recomputes, every record names its predecessor."""
    problems: list[ErrorEntry] = []
    prev_hash = GENESIS
    for i, rec in enumerate(records, 1):
        if rec.seq != i:
            problems.append(_problem(f"sequence gap: expected #{i}, found #{rec.seq} (a record is missing)", rec))
        if rec.hash != rec.computed_hash():
            problems.append(_problem("content does not match its recorded hash (record edited)", rec))
        if rec.prev != prev_hash:
            problems.append(_problem("does not chain to the previous record (history rewritten)", rec))
        prev_hash = rec.hash
    return problems


def check_commits(repo: git.Repo, records: Sequence[AuditRecord]) -> list[ErrorEntry]:
    """Audit commits are empty, linear, and the history never shrank behind the checkpoint."""
    problems = []
    for rec in records:
        commit = repo.commit(rec.commit) if rec.commit else None
        if commit is not None and commit.tree.hexsha != "4b825dc642cb6eb9a060e54bf8d69288fbee4904":
            problems.append(_problem("audit commit carries files (not an empty record)", rec))
    return problems


def check_checkpoint(log: AuditLog, records: Sequence[AuditRecord]) -> list[ErrorEntry]:
    cp = log.checkpoint()
    if not cp:
        return []
    seq, tip, hsh = int(str(cp.get("seq", 0))), str(cp.get("tip", "")), str(cp.get("hash", ""))
    if seq > len(records):
        return [_problem(f"the last record written was #{seq}, the audit ref now has {len(records)}")]
    rec = records[seq - 1] if seq >= 1 else None
    if rec is not None and (rec.hash != hsh or rec.commit != tip):
        return [_problem(f"record #{seq} differs from the one fixbot wrote (history rewritten)", rec)]
    return []


def check_sink(sink: AuditSink, records: Sequence[AuditRecord]) -> list[ErrorEntry]:
    """Every record the sink saw must still be in git, unchanged; git may not add unseen ones."""
    problems = []
    by_seq = {r.seq: r for r in records}
    copies = sink.read()
    for copy in copies:
        rec = by_seq.get(copy.seq)
        if rec is None:
            problems.append(_problem(f"record #{copy.seq} ({copy.event}) is in the sink but missing from git"))
        elif rec.hash != copy.hash or rec.computed_hash() != copy.computed_hash():
            problems.append(_problem("differs from the external sink copy (record rewritten)", rec))
    if copies:
        lo, hi = min(c.seq for c in copies), max(c.seq for c in copies)
        seen = {c.seq for c in copies}
        unseen = [r for r in records if lo <= r.seq <= hi and r.seq not in seen]
        problems += [_problem("not in the external sink", r) for r in unseen]
    return problems


def check_default_branch(repo: git.Repo, branch: str, records: Sequence[AuditRecord]) -> list[ErrorEntry]:
    """Merges fixbot recorded are still on the default branch; its fixbot merges are all recorded."""
    tip = gitops.rev(repo, f"refs/heads/{branch}")
    if tip is None:
        return [_problem(f"default branch {branch} is missing")]
    problems = []
    recorded = {r.get("Fixbot-Commit") for r in records if r.event == "merged"}
    for rec in records:
        sha = rec.get("Fixbot-Commit")
        if rec.event == "merged" and sha and not gitops.is_ancestor(repo, sha, tip):
            problems.append(_problem(f"merge {sha[:12]} is no longer on {branch} (history rewritten)", rec))
    out = str(repo.git.log("--first-parent", "--merges", "--format=%H%x00%B%x1e", tip))
    for chunk in out.split("\x1e"):
        sha, _, body = chunk.strip("\n").partition("\x00")
        if sha and "Fixbot-Finding" in parse_trailers(body) and sha not in recorded:
            problems.append(_problem(f"fixbot merge {sha[:12]} on {branch} has no audit record (record missing)"))
    return problems


def verify(log: AuditLog, branch: str, sink: AuditSink | None = None) -> list[ErrorEntry]:
    records = log.records()
    problems = check_chain(records) + check_commits(log.repo, records) + check_checkpoint(log, records)
    problems += check_default_branch(log.repo, branch, records)
    if sink is not None:
        problems += check_sink(sink, records)
    return problems
