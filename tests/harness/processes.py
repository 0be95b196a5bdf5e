"""`fixbot worker` processes against the stand-in, for crash and fault tests (started, killed, reaped)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.harness.github_standin import StandIn
from tests.harness.github_standin.webhooks import SECRET

ROOT = Path(__file__).resolve().parents[2]


def worker_env(gh: StandIn, tmp: Path, queue_url: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    key = tmp / "app.pem"
    if not key.exists():
        key.write_bytes(gh.private_key_pem)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FIXBOT_APP_ID": str(gh.app_id),
           "FIXBOT_PRIVATE_KEY_PATH": str(key), "FIXBOT_WEBHOOK_SECRET": SECRET, "FIXBOT_GITHUB_URL": gh.url,
           "FIXBOT_QUEUE_URL": queue_url}
    env.pop("FIXBOT_PRIVATE_KEY", None)
    return {**env, **(extra or {})}


@dataclass
class Workers:
    env: dict[str, str]
    work_dir: Path
    args: tuple[str, ...] = ()
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, name: str) -> subprocess.Popen[bytes]:
        log = open(self.work_dir.parent / f"worker-{name}.log", "wb")  # noqa: SIM115 - closed with the process
        cmd = [sys.executable, "-c", "from bot.cli.main import main; raise SystemExit(main())", "worker",
               "--work-dir", str(self.work_dir), *self.args]  # one machine: one work dir, locked per repository
        proc = subprocess.Popen(cmd, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT))
        self.procs.append(proc)
        return proc

    def kill9(self, proc: subprocess.Popen[bytes]) -> None:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    def stop_all(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


@contextmanager
def workers(gh: StandIn, tmp: Path, queue_url: str, *args: str, extra_env: dict[str, str] | None = None
            ) -> Iterator[Workers]:
    (tmp / "workers").mkdir(parents=True, exist_ok=True)
    w = Workers(worker_env(gh, tmp, queue_url, extra_env), tmp / "workers", args)
    try:
        yield w
    finally:
        w.stop_all()
