"""When to verify: which events signal an apply (`.fixbot.yml` `verify:`), and the retry backoff.

`workflow_signals_apply` / `deployment_signals_apply` are what a webhook handler asks before
calling `verify_merged`; `due` / `expired` decide whether an unverifiable or pending fix is
tried again now, later, or reported as past its deadline.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.config import VerifySettings

LEGACY_WORDS = ("apply", "deploy")


def workflow_signals_apply(cfg: VerifySettings, workflow_name: str) -> bool:
    name = workflow_name.strip().lower()
    if cfg.workflow_run:
        return name in {w.strip().lower() for w in cfg.workflow_run}
    return not cfg.deployment_status and any(w in name for w in LEGACY_WORDS)


def deployment_signals_apply(cfg: VerifySettings, environment: str) -> bool:
    if cfg.deployment_status:
        return environment.strip().lower() in {e.strip().lower() for e in cfg.deployment_status}
    return not cfg.workflow_run


def merged_long_enough(cfg: VerifySettings, merged_at: datetime, now: datetime) -> bool:
    """With `delay_after_merge_minutes`, a merge counts as applied once that delay has passed."""
    return cfg.delay_after_merge_minutes is not None and now - merged_at >= timedelta(
        minutes=cfg.delay_after_merge_minutes)


def backoff(cfg: VerifySettings, attempts: int) -> timedelta:
    return timedelta(minutes=min(cfg.retry_minutes * 2 ** max(attempts - 1, 0), cfg.max_retry_minutes))


def parse(stamp: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


def due(cfg: VerifySettings, attempts: int, last: str, now: datetime) -> bool:
    """An unverifiable / pending fix is tried again once its backoff has passed."""
    at = parse(last)
    return at is None or attempts == 0 or now - at >= backoff(cfg, attempts)


def expired(cfg: VerifySettings, first: str, now: datetime) -> bool:
    at = parse(first)
    return at is not None and now - at >= timedelta(hours=cfg.deadline_hours)


def now_utc() -> datetime:
    return datetime.now(UTC)
