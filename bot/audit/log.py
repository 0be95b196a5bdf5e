"""The append-only audit history: `refs/fixbot/audit`, one empty commit per record.

Each record's commit message carries the event's `Fixbot-*` trailers plus `Fixbot-Seq`,
`Fixbot-At`, `Fixbot-Prev` (hash of the previous record) and `Fixbot-Record` (this record's
hash), so the chain can be checked from git alone. The ref only moves forward (compare-and-
swap from the tip we read), and a checkpoint in `.git/fixbot/audit.json` plus the optional
external sink let `fixbot audit --verify` notice a rewritten or shortened history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import git

from bot.audit.record import EVENTS, GENESIS, AuditRecord
from bot.audit.sink import AuditSink
from bot.audit.trailers import clean_value, parse_trailers, with_trailers
from bot.errors import ConflictError
from bot.gitstore import gitops
from bot.gitstore.store import atomic_write_json, read_json

AUDIT_REF = "refs/fixbot/audit"
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
META_KEYS = ("Fixbot-Seq", "Fixbot-At", "Fixbot-Prev", "Fixbot-Record")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class AuditLog:
    def __init__(self, repo: git.Repo, state_dir: Path, sink: AuditSink | None = None) -> None:
        self.repo = repo
        self.checkpoint_path = state_dir / "audit.json"
        self.sink = sink

    def record(self, event: str, trailers: Mapping[str, str]) -> AuditRecord:
        """Append one record (retrying if another writer moved the ref meanwhile)."""
        if event not in EVENTS:
            raise ValueError(f"unknown audit event {event!r}")
        clean = {k: clean_value(v) for k, v in trailers.items() if clean_value(v)}
        for _ in range(5):
            tip = gitops.rev(self.repo, AUDIT_REF)
            last = self._read_one(tip) if tip else None
            rec = AuditRecord(
                seq=(last.seq + 1) if last else 1, event=event, at=_now(),
                prev=last.hash if last else GENESIS, trailers={"Fixbot-Event": event, **clean},
            ).sealed()
            sha = gitops.commit_tree(self.repo, self.tree_for(), [tip] if tip else [], self._message(rec),
                                     gitops.identity_env())
            try:
                gitops.update_ref(self.repo, AUDIT_REF, sha, tip, f"fixbot audit {event}")
            except ConflictError:
                continue
            rec = rec.model_copy(update={"commit": sha})
            atomic_write_json(self.checkpoint_path, {"seq": rec.seq, "tip": sha, "hash": rec.hash})
            if self.sink is not None:
                self.sink.append(rec)
            return rec
        raise ConflictError("the audit ref kept moving; another fixbot run is writing")

    def tree_for(self) -> str:
        """The empty tree (written once, so `git fsck` and `commit-tree` find it)."""
        return gitops.store_tree_empty(self.repo)

    def checkpoint(self) -> dict[str, object]:
        data = read_json(self.checkpoint_path, {})
        return data if isinstance(data, dict) else {}

    def records(self) -> list[AuditRecord]:
        """Every record, oldest first (first-parent history of the audit ref)."""
        tip = gitops.rev(self.repo, AUDIT_REF)
        if tip is None:
            return []
        out = str(self.repo.git.log("--first-parent", "--reverse", "--format=%H%x00%B%x1e", tip))
        recs = []
        for chunk in out.split("\x1e"):
            if chunk.strip():
                sha, _, body = chunk.strip("\n").partition("\x00")
                recs.append(self._parse(sha, body))
        return recs

    def _read_one(self, sha: str) -> AuditRecord:
        return self._parse(sha, str(self.repo.git.log("-1", "--format=%B", sha)))

    @staticmethod
    def _parse(sha: str, message: str) -> AuditRecord:
        t = parse_trailers(message)
        seq = t.get("Fixbot-Seq", "0")
        return AuditRecord(
            seq=int(seq) if seq.isdigit() and int(seq) > 0 else 1,
            event=t.get("Fixbot-Event", "?"),
            at=t.get("Fixbot-At", ""),
            prev=t.get("Fixbot-Prev", ""),
            trailers={k: v for k, v in t.items() if k not in META_KEYS},
            hash=t.get("Fixbot-Record", ""),
            commit=sha,
        )

    @staticmethod
    def _message(rec: AuditRecord) -> str:
        subject = f"fixbot audit #{rec.seq}: {rec.event}"
        meta = {"Fixbot-Seq": str(rec.seq), "Fixbot-At": rec.at, "Fixbot-Prev": rec.prev, "Fixbot-Record": rec.hash}
        return with_trailers(subject, {**rec.trailers, **meta})
