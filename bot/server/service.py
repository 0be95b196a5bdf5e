"""What handlers work with: settings, the token broker, a forge per repository, the engine."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.forge.github import AppCredentials, ForgeConfig, GitHubForge, RepoRef, TokenBroker
from bot.forge.github.client import ClientConfig
from bot.forge.github.retry import RetryPolicy
from bot.server.settings import Settings

if TYPE_CHECKING:
    from bot.server.engine import Engine
    from bot.server.metrics import Metrics

log = logging.getLogger("fixbot.server")


@dataclass
class Service:
    settings: Settings
    broker: TokenBroker
    engine: Engine
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    sleep: Callable[[float], None] = time.sleep
    metrics: Metrics | None = None

    def forge(self, repo: RepoRef) -> GitHubForge:
        metrics = self.metrics
        observe = None if metrics is None else (
            lambda ok, remaining: metrics.github_call(repo.installation_id, ok, remaining))
        client = ClientConfig(api_url=self.settings.github_url, retry=self.retry, observe=observe)
        cfg = ForgeConfig(client=client, merge_method=self.settings.merge_method, bot_login=self.settings.bot_login)
        return GitHubForge(self.broker, repo, cfg, sleep=self.sleep)


def build_broker(settings: Settings, retry: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> TokenBroker:
    creds = AppCredentials(settings.app_id, settings.private_key.get_secret_value())
    return TokenBroker(creds, settings.github_url, retry=retry, sleep=sleep)
