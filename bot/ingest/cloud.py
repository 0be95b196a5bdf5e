"""What the cloud and runtime sources (ASFF, SCC, Defender, Falco, OSV) share.

These sources name a live resource (an ARN, a GCP resource name, an Azure id, a pod) rather
than a file: their findings carry `asset` + `asset_hints` and leave `resource`/`file` to the
mapping stage. Until mapped, a finding's id is the fingerprint of (rule, asset).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.ingest.base import IngestContext, clean_rule_id, clean_text
from bot.ingest.base import validate as validate  # the cloud sources import it from here
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import AssetHints, Finding, SourceRef, fingerprint
from bot.rules import canonical_rule, default_severity, known_rule, rule_title

MAX_TAGS = 50


class Raw(BaseModel):
    """Base of every raw model of these sources: unknown keys ignored."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


def note(ctx: IngestContext, pointer: str, message: str) -> ErrorEntry:
    """A record deliberately skipped (archived, resolved, healthy...): said, not silently dropped."""
    return ErrorEntry(kind="skipped", message=f"{pointer}: {message}", file=ctx.input)


def canonical(prefix: str, rule_id: str) -> str:
    """The checkov id aliased to `prefix:rule_id` in bot/data/rules.json, else `prefix:rule_id`."""
    spelled = f"{prefix}:{clean_rule_id(rule_id)}"
    return canonical_rule(spelled)


def severity(label: str | None, rule: str, table: dict[str, Severity]) -> Severity:
    """The source's own label when it gives one, else the curated severity of the rule."""
    given = table.get((label or "").strip().lower())
    if given is not None:
        return given
    return default_severity(rule) if known_rule(rule) else Severity.medium


def hints(type_: str | None = None, name: str | None = None, namespace: str | None = None,
          tags: Iterable[tuple[Any, Any]] = ()) -> AssetHints:
    pairs = [(clean_text(k, 128), clean_text(v, 256)) for k, v in list(tags)[:MAX_TAGS] if k is not None]
    return AssetHints(
        type=clean_text(type_, 128) if type_ else None,
        name=clean_text(name, 256) if name else None,
        namespace=clean_text(namespace, 256) if namespace else None,
        tags=dict(pairs),
    )


def finding(*, source: str, tool: str, rule_id: str, canonical_id: str, title: str | None, sev: Severity,
            asset: str, ctx: IngestContext, pointer: str, raw: dict[str, Any],
            asset_hints: AssetHints | None = None, exploitability: Level = Level.unknown,
            internet_exposed: bool | None = None) -> Finding:
    """A cloud finding about `asset`, not yet mapped to IaC."""
    asset_text = clean_text(asset, 1000)
    return Finding(
        id=fingerprint(canonical_id, f"asset:{asset_text}", None, None),
        source=source,
        rule_id=canonical_id,
        title=clean_text(title or rule_title(canonical_id) or canonical_id),
        severity=sev,
        asset=asset_text,
        asset_hints=asset_hints,
        exploitability=exploitability,
        internet_exposed=internet_exposed,
        sources=(SourceRef(source=source, tool=tool, rule_id=clean_rule_id(rule_id), input=ctx.input,
                           pointer=pointer, raw=raw),),
    )


def records(data: Any, key: str | None, is_record: Callable[[Any], bool]) -> list[tuple[str, Any]]:
    """(pointer, record) pairs of a batch (`{key: [...]}`), a bare list / JSON Lines, or one record."""
    if key is not None and isinstance(data, dict) and isinstance(data.get(key), list):
        return [(f"{key}[{i}]", r) for i, r in enumerate(data[key])]
    if isinstance(data, list):
        return [(f"[{i}]", r) for i, r in enumerate(data)]
    return [("$", data)] if is_record(data) else []


def shaped_list(data: Any, is_record: Callable[[Any], bool]) -> bool:
    """A list where one of the first records has the source's shape (JSON Lines / bare list).

    The others may be malformed: they become per-record errors, not a refused file.
    """
    return isinstance(data, list) and any(is_record(r) for r in data[:10])
