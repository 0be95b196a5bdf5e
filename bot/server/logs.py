"""Structured JSON logs, one object per line, secrets scrubbed by a filter on the handler."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

from bot.forge.github.redact import RedactingFilter, scrub

_FIELDS = ("delivery", "event", "action", "repo", "status", "handler", "duration_ms")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {"ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"), "level": record.levelname,
                               "logger": record.name, "msg": scrub(record.getMessage())}
        out.update({k: getattr(record, k) for k in _FIELDS if hasattr(record, k)})
        # RedactingFilter (on the handler) already turned exc_info into a scrubbed exc_text
        if record.exc_info:
            out["error"] = scrub(self.formatException(record.exc_info))
        elif record.exc_text:
            out["error"] = scrub(record.exc_text)
        return json.dumps(out, default=str)


def configure(stream: TextIO | None = None, level: int = logging.INFO) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactingFilter())
    for name in ("fixbot", "uvicorn"):  # uvicorn's own lines are JSON too (serve passes log_config=None)
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level if name == "fixbot" else logging.WARNING)
        logger.propagate = False
    return handler
