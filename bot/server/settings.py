"""Server settings, built once at the edge (env, then CLI flags) as a frozen model."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretBytes, SecretStr, ValidationError, field_validator

from bot.errors import ConfigError
from bot.forge.github.auth import load_private_key

ENV = {"app_id": "FIXBOT_APP_ID", "private_key_path": "FIXBOT_PRIVATE_KEY_PATH",
       "webhook_secret": "FIXBOT_WEBHOOK_SECRET", "github_url": "FIXBOT_GITHUB_URL", "queue_url": "FIXBOT_QUEUE_URL"}


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    app_id: int = Field(gt=0)
    private_key: SecretBytes
    webhook_secret: SecretStr = Field(min_length=16)
    github_url: str = "https://api.github.com"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    max_body_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    dedupe_size: int = Field(default=10_000, gt=0)
    queue_size: int = Field(default=1_000, gt=0)
    work_dir: Path = Path(".fixbot-work")
    max_open_prs: int = Field(default=10, ge=0)
    max_new_prs_per_hour: int = Field(default=5, ge=0)
    merge_method: str = Field(default="squash", pattern="^(merge|squash|rebase)$")
    bot_login: str = "fixbot[bot]"
    dashboard: bool = False  # keep the dashboard issue and tickets up to date after each scan
    # the durable queue: empty → SQLite in `state_dir` (no other service); redis://HOST:PORT/DB to scale out
    queue_url: str = ""
    state_dir: Path | None = None  # default: `work_dir`/state
    workers: int = Field(default=1, ge=0)  # worker threads in this process (0: only acknowledge)
    lease_seconds: float = Field(default=30.0, gt=0)
    max_attempts: int = Field(default=5, gt=0)
    retry_base_seconds: float = Field(default=2.0, ge=0)
    shutdown_grace_seconds: float = Field(default=25.0, ge=0)
    sweep_interval_seconds: float = Field(default=86_400.0, ge=0)  # rescan every known repository (0: never)
    sweep_jitter_seconds: float = Field(default=3_600.0, ge=0)  # spread over this much, per repository

    # connection limits (see bot.server.listen and README "Webhook server limits")
    header_timeout: float = Field(default=10.0, gt=0, le=3600, allow_inf_nan=False)
    body_timeout: float = Field(default=30.0, gt=0, le=3600, allow_inf_nan=False)
    keep_alive: int = Field(default=5, ge=1, le=3600)
    max_connections: int = Field(default=64, ge=1, le=100_000)
    max_header_bytes: int = Field(default=16 * 1024, ge=1024, le=1024 * 1024)

    @field_validator("webhook_secret")
    @classmethod
    def _guessable(cls, v: SecretStr) -> SecretStr:
        raw = v.get_secret_value()
        if not raw.strip() or len(set(raw.strip())) < 4:
            raise ValueError("the webhook secret is blank or trivially guessable (whitespace, a repeated character); "
                             "generate one, e.g. `openssl rand -hex 32`")
        return v

    @property
    def state_path(self) -> Path:
        return self.state_dir or self.work_dir / "state"


def load_settings(env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Env first, flags override; refuses to build without a webhook secret or a key."""
    environ = os.environ if env is None else env
    secret = flags.pop("webhook_secret", None) or environ.get(ENV["webhook_secret"])
    if not secret:
        raise ConfigError("no webhook secret: set FIXBOT_WEBHOOK_SECRET (fixbot never accepts unsigned deliveries)")
    key = load_private_key(flags.pop("private_key_path", None), environ)
    raw = {"app_id": flags.pop("app_id", None) or environ.get(ENV["app_id"]),
           "github_url": flags.pop("github_url", None) or environ.get(ENV["github_url"]) or "https://api.github.com",
           "queue_url": flags.pop("queue_url", None) or environ.get(ENV["queue_url"]) or "",
           "webhook_secret": secret, "private_key": key,
           **{k: v for k, v in flags.items() if v is not None}}
    if not raw["app_id"]:
        raise ConfigError("no App id: set FIXBOT_APP_ID or --app-id")
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"invalid server setting {field}: {err['msg']}",
                          hint=f"env {ENV.get(field, field.upper())}") from None
