"""Secrets never reach a log line or an error message: tokens, JWTs and private keys are scrubbed."""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    re.compile(r"\bgh[pousr]_[A-Za-z0-9_\-]{8,}"),  # GitHub tokens (installation tokens are ghs_)
    re.compile(r"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+"),  # JWTs
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
    re.compile(r"(?i)\b(authorization:?\s*(?:token|bearer)\s+)\S+"),
    re.compile(r"(?i)(x-access-token:)[^@\s]+"),  # credentials in a clone URL
)
REDACTED = "[REDACTED]"


def scrub(text: object) -> str:
    out = str(text)
    for pattern in _PATTERNS:
        out = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + REDACTED, out)
    return out


class RedactingFilter(logging.Filter):
    """Rewrites every record's message (args folded in) with secrets scrubbed."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
