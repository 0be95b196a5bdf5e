"""One error hierarchy for faults; turned into exit codes / HTTP statuses at one boundary.

Expected per-item outcomes (an unfixable finding, a denied plan, a file that does not parse
while the rest of the repo can still be scanned) are values, not exceptions.
"""

from __future__ import annotations


class FixbotError(Exception):
    """A fault fixbot understands: bad usage, config or input. Exit code 2."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class ConfigError(FixbotError):
    """Invalid `.fixbot.yml`, settings or environment."""


class InputError(FixbotError):
    """Unusable input: a findings file, a path outside the repository, an oversized file."""


class IngestError(InputError):
    """A findings source that cannot be read at all."""


class ToolMissingError(FixbotError):
    """An external tool (checkov) is not installed where fixbot looks for it."""


class RewriteError(FixbotError):
    """A rewriter fault (a bug, not an unfixable finding)."""


class PolicyError(FixbotError):
    """Rego that does not compile, or a policy evaluation that failed."""


class ForgeError(FixbotError):
    """A forge operation failed (git, GitHub API)."""

    http_status = 502


class TransientForgeError(ForgeError):
    """A forge failure that passes (5xx, rate limits, timeouts): the work may be tried again later."""

    http_status = 503

    def __init__(self, message: str, *, retry_after: float = 0.0, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after


class ConflictError(ForgeError):
    """The forge state moved under us (head SHA changed, ref exists, merge conflict)."""

    http_status = 409


class LockedError(FixbotError):
    """Another fixbot run holds the repository lock."""

    exit_code = 4
    http_status = 409


EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_LOCKED = 4
EXIT_THRESHOLD = 1
