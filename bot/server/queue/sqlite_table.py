"""The job table in SQLite (the embedded default): one file in the server's state directory.

Every change is one `BEGIN IMMEDIATE` transaction, so several threads or processes on one
machine share the file safely (WAL mode; a busy database is waited for, not failed).
"""

from __future__ import annotations

import builtins
import sqlite3
import threading
from pathlib import Path

from bot.server.queue.records import Claim, JobRecord, JobState
from bot.server.queue.table import RETENTION

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY, delivery TEXT NOT NULL UNIQUE, event TEXT NOT NULL, repo TEXT NOT NULL,
  payload TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  claims INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', worker TEXT NOT NULL DEFAULT '',
  lease_until REAL NOT NULL DEFAULT 0, queued_at REAL NOT NULL, created REAL NOT NULL, updated REAL NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, queued_at);
CREATE INDEX IF NOT EXISTS jobs_repo ON jobs(repo, state);
CREATE TABLE IF NOT EXISTS repos (
  full_name TEXT PRIMARY KEY, repo_id INTEGER, installation_id INTEGER, last_seen REAL NOT NULL);
"""
_COLUMNS = ("id", "delivery", "event", "repo", "payload", "state", "attempts", "claims", "error", "worker",
            "lease_until", "queued_at", "created", "updated")


def _record(row: sqlite3.Row | tuple[object, ...]) -> JobRecord:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["state"] = JobState(str(values["state"]))
    return JobRecord(**values)


class SqliteJobTable:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._db().executescript(_SCHEMA)

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # the 202 promises the row survives a power cut
            self._local.db = db
        return db

    def _tx(self) -> _Tx:
        return _Tx(self._db())

    def add(self, rec: JobRecord) -> bool:
        with self._tx() as db:
            cur = db.execute(f"INSERT OR IGNORE INTO jobs ({', '.join(_COLUMNS)}) VALUES "
                             f"({', '.join('?' * len(_COLUMNS))})",
                             (rec.id, rec.delivery, rec.event, rec.repo, rec.payload, rec.state.value, rec.attempts,
                              rec.claims, rec.error, rec.worker, rec.lease_until, rec.queued_at, rec.created,
                              rec.updated))
            return cur.rowcount == 1

    def claim(self, job_id: str, worker: str, lease: float, now: float) -> tuple[Claim, JobRecord | None]:
        with self._tx() as db:
            row = db.execute("SELECT repo, state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None or row[1] != JobState.queued:
                return Claim.gone, None
            busy = row[0] and db.execute("SELECT 1 FROM jobs WHERE repo = ? AND state = 'running' AND id != ? "
                                         "AND lease_until > ?", (row[0], job_id, now)).fetchone()
            if busy:
                return Claim.locked, None
            db.execute("UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, claims = claims + 1, "
                       "updated = ? WHERE id = ?", (worker, now + lease, now, job_id))
            return Claim.claimed, _record(db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone())

    def heartbeat(self, job_id: str, worker: str, lease: float, now: float) -> bool:
        with self._tx() as db:
            cur = db.execute("UPDATE jobs SET lease_until = ?, updated = ? WHERE id = ? AND worker = ? AND "
                             "state = 'running'", (now + lease, now, job_id, worker))
            return cur.rowcount == 1

    def finish(self, job_id: str, worker: str, state: JobState, error: str = "", at: float = 0.0,
               failed: bool = False) -> bool:
        with self._tx() as db:
            cur = db.execute("UPDATE jobs SET state = ?, error = ?, lease_until = 0, queued_at = ?, updated = ?, "
                             "attempts = attempts + ? WHERE id = ? AND worker = ? AND state = 'running'",
                             (state.value, error[:2000], at, at, int(failed), job_id, worker))
            return cur.rowcount == 1

    def reap(self, now: float, stale: float) -> list[str]:
        with self._tx() as db:
            expired = [r[0] for r in db.execute("SELECT id FROM jobs WHERE state = 'running' AND lease_until <= ?",
                                                (now,))]
            db.execute("UPDATE jobs SET state = 'queued', queued_at = ?, updated = ?, error = 'lease expired "
                       "(worker gone)' WHERE state = 'running' AND lease_until <= ?", (now, now, now))
            lost = [r[0] for r in db.execute("SELECT id FROM jobs WHERE state = 'queued' AND queued_at < ?",
                                             (now - stale,))]
            db.execute("UPDATE jobs SET queued_at = ? WHERE state = 'queued' AND queued_at < ?", (now, now - stale))
            db.execute("DELETE FROM jobs WHERE state IN ('done', 'dropped') AND updated < ?", (now - RETENTION,))
            return expired + lost

    def get(self, job_id: str) -> JobRecord | None:
        row = self._db().execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _record(row) if row else None

    def list(self, state: JobState | None = None, limit: int = 100) -> list[JobRecord]:
        where, args = ("WHERE state = ?", (state.value,)) if state else ("", ())
        rows = self._db().execute(f"SELECT * FROM jobs {where} ORDER BY created LIMIT ?", (*args, limit))
        return [_record(r) for r in rows]

    def counts(self) -> dict[JobState, int]:
        rows = self._db().execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall()
        found = {JobState(s): n for s, n in rows}
        return {s: found.get(s, 0) for s in JobState}

    def operator_retry(self, job_id: str, now: float) -> bool:
        with self._tx() as db:
            return db.execute("UPDATE jobs SET state = 'queued', attempts = 0, claims = 0, queued_at = ?, "
                              "updated = ? WHERE id = ? AND state = 'dead'", (now, now, job_id)).rowcount == 1

    def operator_drop(self, job_id: str, now: float) -> bool:
        with self._tx() as db:
            return db.execute("UPDATE jobs SET state = 'dropped', updated = ? WHERE id = ? AND state = 'dead'",
                              (now, job_id)).rowcount == 1

    def remember_repo(self, full_name: str, repo_id: int | None, installation_id: int | None, now: float) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO repos VALUES (?, ?, ?, ?) ON CONFLICT(full_name) DO UPDATE SET "
                       "repo_id = COALESCE(excluded.repo_id, repo_id), "
                       "installation_id = COALESCE(excluded.installation_id, installation_id), last_seen = ?",
                       (full_name, repo_id, installation_id, now, now))

    def known_repos(self) -> builtins.list[tuple[str, int | None, int | None]]:
        return [(str(n), r, i) for n, r, i in
                self._db().execute("SELECT full_name, repo_id, installation_id FROM repos ORDER BY full_name")]

    def ping(self) -> None:
        self._db().execute("SELECT 1").fetchone()

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


class _Tx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
