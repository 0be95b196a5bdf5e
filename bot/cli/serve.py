"""`fixbot serve`: the GitHub App webhook server (Starlette on uvicorn).

Configuration from the environment (FIXBOT_APP_ID, FIXBOT_PRIVATE_KEY_PATH or
FIXBOT_PRIVATE_KEY, FIXBOT_WEBHOOK_SECRET, FIXBOT_GITHUB_URL) or the matching flags. The
webhook secret is read from the environment or a file, never from the command line, and the
server refuses to start without one.
"""

from __future__ import annotations

import argparse
import logging
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.argtypes import seconds
from bot.errors import ConfigError

if TYPE_CHECKING:
    from bot.server.settings import Settings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    parser.add_argument("--app-id", type=int, help="GitHub App id (env FIXBOT_APP_ID)")
    parser.add_argument("--private-key-path", help="App private key PEM file (env FIXBOT_PRIVATE_KEY_PATH)")
    parser.add_argument("--webhook-secret-file", type=Path, help="file holding the webhook secret "
                        "(env FIXBOT_WEBHOOK_SECRET)")
    parser.add_argument("--github-url", help="REST API base URL (env FIXBOT_GITHUB_URL; GitHub Enterprise: "
                        "https://HOST/api/v3)")
    parser.add_argument("--work-dir", type=Path, default=Path(".fixbot-work"), help="clones and local memory")
    parser.add_argument("--merge-method", choices=("merge", "squash", "rebase"), default="squash")
    parser.add_argument("--max-open-prs", type=int, default=10, help="open fixbot PRs per repository (default 10)")
    parser.add_argument("--max-new-prs-per-hour", type=int, default=5, help="new PRs per repository per hour")
    parser.add_argument("--dashboard", action="store_true",
                        help="keep a dashboard issue and no-fix tickets up to date after every scan")
    limits = parser.add_argument_group("connection limits (README: Webhook server limits)")
    limits.add_argument("--header-timeout", type=seconds, help="seconds to send the request headers (default 10)")
    limits.add_argument("--body-timeout", type=seconds, help="seconds to send the request body (default 30)")
    limits.add_argument("--keep-alive", type=int, help="seconds an idle kept-alive connection stays open (default 5)")
    limits.add_argument("--max-connections", type=int, help="connections served at once; more get 503 (default 64)")
    add_queue_flags(parser)
    parser.add_argument("--workers", type=int, default=None,
                        help="worker threads in this process (default 1; 0: only acknowledge, "
                        "`fixbot worker` processes run the jobs)")


def add_queue_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queue-url", help="durable queue: empty for SQLite in the state directory (default), "
                        "redis://HOST:PORT/DB to share it between processes (env FIXBOT_QUEUE_URL)")
    parser.add_argument("--state-dir", type=Path, help="SQLite queue location (default WORK_DIR/state)")
    parser.add_argument("--lease-seconds", type=float, help="a job claimed by a worker that stops heart-beating is "
                        "requeued after this long (default 30)")
    parser.add_argument("--max-attempts", type=int, help="tries of a job failing transiently before it becomes a "
                        "dead letter (default 5)")


def _secret(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text().strip()
    except OSError as exc:
        raise ConfigError(f"cannot read the webhook secret file {path}: {exc.strerror}") from None


def settings_from(args: argparse.Namespace) -> Settings:
    from bot.server.settings import load_settings

    return load_settings(host=getattr(args, "host", None), port=getattr(args, "port", None), app_id=args.app_id,
                         private_key_path=args.private_key_path, webhook_secret=_secret(args.webhook_secret_file),
                         github_url=args.github_url, work_dir=args.work_dir, merge_method=args.merge_method,
                         max_open_prs=args.max_open_prs, max_new_prs_per_hour=args.max_new_prs_per_hour,
                         dashboard=args.dashboard or None, queue_url=args.queue_url, state_dir=args.state_dir,
                         workers=getattr(args, "workers", None), lease_seconds=args.lease_seconds,
                         max_attempts=args.max_attempts, header_timeout=args.header_timeout,
                         body_timeout=args.body_timeout, keep_alive=args.keep_alive,
                         max_connections=args.max_connections)


def run(args: argparse.Namespace) -> int:
    from bot.server import logs
    from bot.server.compose import build_server
    from bot.server.listen import bind, serve

    settings = settings_from(args)
    bind(settings.host, settings.port).close()  # "address in use" is exit 2 before anything starts
    logs.configure()
    logging.getLogger("fixbot.server").info("fixbot serve on %s:%d for App %d (API %s), queue %s, %d worker(s)",
                                            settings.host, settings.port, settings.app_id, settings.github_url,
                                            settings.queue_url or "sqlite", settings.workers)
    server = build_server(settings)
    # uvicorn stops gracefully on SIGTERM and then re-raises it to the handler it found: make that one
    # a no-op so `server.close()` still runs (running jobs finish within the grace period or are requeued)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        serve(server.app, settings)
    finally:
        server.close()
        signal.signal(signal.SIGTERM, previous)
    return 0
