"""Which handler failures are worth another try later, and how long GitHub asked us to wait."""

from __future__ import annotations

import time

from bot.errors import TransientForgeError
from bot.forge.github.retry import classify


def retry_after(exc: BaseException) -> float | None:
    """Seconds to wait at least (0.0: use the backoff), or None when retrying cannot help."""
    if isinstance(exc, TransientForgeError):
        return exc.retry_after
    try:
        import redis

        if isinstance(exc, redis.ConnectionError | redis.TimeoutError):
            return 0.0
    except ImportError:  # pragma: no cover
        pass
    if isinstance(exc, Exception):
        return classify(exc, time.time())
    return None
