"""What every findings source shares: the `Source` shape, its context, and small helpers.

A source turns one parsed input (a JSON document, or the list of records of a JSON Lines
file) into findings plus per-record errors. Records it cannot use become `ErrorEntry`s;
the rest of the input goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.errors import InputError
from bot.models.common import ErrorEntry, Frozen, LineSpan
from bot.models.finding import Finding
from bot.paths import repo_relative

SourceOutput = tuple[list[Finding], list[ErrorEntry]]
M = TypeVar("M", bound=BaseModel)

MAX_TEXT = 300
MAX_RULE_ID = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class IngestResult(Frozen):
    """Findings from every input, and the per-input problems met on the way."""

    findings: tuple[Finding, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()


@dataclass(frozen=True)
class IngestContext:
    """Where the input comes from: the repository root and the input's name for messages.

    `anchor()` memoises path checks for this one input (many findings share a file).
    """

    root: Path
    input: str  # the findings file as the user named it, or "checkov-run"
    _anchored: dict[str, str | InputError] = field(default_factory=dict, repr=False, compare=False)

    def anchor(self, raw: str) -> str:
        """`anchored_path(root, raw)`, memoised; raises the same InputError for a bad path."""
        if raw not in self._anchored:
            try:
                self._anchored[raw] = anchored_path(self.root, raw)
            except InputError as exc:
                self._anchored[raw] = exc
        got = self._anchored[raw]
        if isinstance(got, InputError):
            raise InputError(got.message, hint=got.hint)
        return got


@dataclass(frozen=True)
class Source:
    """One findings format: `detect` looks at parsed data, `to_findings` converts it."""

    name: str
    detect: Callable[[Any], bool]
    to_findings: Callable[[Any, IngestContext], SourceOutput]


def validate(model: type[M], record: Any, ctx: IngestContext, pointer: str) -> M | ErrorEntry:
    """The raw record as `model`, or an error naming the input, the record and the bad field
    (the one raw-record validator of every source)."""
    try:
        return model.model_validate(record)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "record"
        return ErrorEntry(kind="ingest", message=f"{pointer}: {where}: {err['msg']}", file=ctx.input)


def clean_text(text: object, limit: int = MAX_TEXT) -> str:
    """Untrusted text made one bounded line: no control characters, collapsed spaces."""
    raw = str(text)
    if len(raw) <= limit and raw.isprintable() and "  " not in raw and raw == raw.strip():
        return raw  # the common case, already clean
    flat = " ".join(_CONTROL.sub(" ", raw).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def clean_rule_id(text: object) -> str:
    return clean_text(text, MAX_RULE_ID)


def excerpt(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A small, bounded copy of the named keys of a raw record (for traceability only)."""
    out: dict[str, Any] = {}
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        out[key] = value if isinstance(value, int | float | bool) else clean_text(value, 200)
    return out


def line_span(start: int | None, end: int | None) -> LineSpan | None:
    """A span from 1-based lines as sources report them; None when absent or nonsensical."""
    if start is None or start < 1:
        return None
    return LineSpan(start=start, end=end if end is not None and end >= start else start)


def anchored_path(root: Path, raw: str) -> str:
    """A finding's file as a repo-relative path, or InputError naming it.

    Relative paths and scanner-style `/main.tf` (relative to the scan root) are accepted when
    they stay inside the repository. An absolute path outside the repository is accepted
    only in that scan-root reading, i.e. when the file it names exists in the repository:
    `/etc/passwd` is refused unless the repository has `etc/passwd`.
    """
    rel = repo_relative(root, raw, what="finding path")
    text = raw.replace("\\", "/").removeprefix("file://")
    if Path(text).is_absolute() and not (root / rel).is_file() and not _inside(Path(text), root):
        raise InputError(f"finding path {raw!r} is absolute and outside the repository")
    return rel


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def path_error(exc: InputError, ctx: IngestContext, pointer: str) -> ErrorEntry:
    return ErrorEntry(kind="path", message=f"{pointer}: {exc.message}", file=ctx.input)
