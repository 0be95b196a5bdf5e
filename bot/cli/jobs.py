"""`fixbot jobs list|retry|drop`: the durable webhook queue as an operator sees it.

`list` shows jobs (default: the dead letters); `retry ID` puts a dead letter back in the
queue with its tries reset; `drop ID` gives up on it (its delivery id stays known, so a
redelivery is still acknowledged, not redone).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from pathlib import Path

from bot.errors import InputError

STATES = ("queued", "running", "done", "dead", "dropped", "all")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "retry", "drop"))
    parser.add_argument("job_id", nargs="?", help="the job id (retry, drop)")
    parser.add_argument("--state", choices=STATES, default="dead", help="which jobs to list (default dead)")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    parser.add_argument("--queue-url", help="the server's queue (env FIXBOT_QUEUE_URL; empty: SQLite)")
    parser.add_argument("--work-dir", type=Path, default=Path(".fixbot-work"))
    parser.add_argument("--state-dir", type=Path, help="SQLite queue location (default WORK_DIR/state)")


def run(args: argparse.Namespace) -> int:
    from bot.server.queue.backend import build_backend
    from bot.server.queue.records import JobState

    url = args.queue_url if args.queue_url is not None else os.environ.get("FIXBOT_QUEUE_URL", "")
    state_dir = args.state_dir or args.work_dir / "state"
    if not url and not (state_dir / "jobs.db").exists():
        raise InputError(f"no queue at {state_dir}", hint="pass --work-dir/--state-dir of the server, or --queue-url")
    backend = build_backend(url, state_dir)
    try:
        if args.action == "list":
            rows = backend.table.list(None if args.state == "all" else JobState(args.state), args.limit)
            for row in rows:
                print(json.dumps(row.summary()) if args.json else _line(row.summary()))
            return 0
        if not args.job_id:
            raise InputError(f"`fixbot jobs {args.action}` needs a job id (see `fixbot jobs list`)")
        table = backend.table
        ok = table.operator_retry(args.job_id, time.time()) if args.action == "retry" else \
            table.operator_drop(args.job_id, time.time())
        if not ok:
            raise InputError(f"job {args.job_id} is not a dead letter", hint="`fixbot jobs list --state all`")
        if args.action == "retry":
            backend.push(args.job_id)
        print(f"job {args.job_id}: {'requeued' if args.action == 'retry' else 'dropped'}")
        return 0
    finally:
        backend.close()


def _line(row: dict[str, object]) -> str:
    when = dt.datetime.fromtimestamp(float(str(row["updated"])), dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    error = str(row["error"]).replace("\n", " ")[:100]
    return (f"{row['id']}  {row['state']:<7} {when}  {row['event']:<20} {row['repo']:<30} "
            f"tries={row['attempts']}  {error}")
