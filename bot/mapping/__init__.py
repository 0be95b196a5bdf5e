"""MAPPING stage: tie every finding to the IaC block that defines its resource, or say why not.

`STRATEGIES` is the explicit, ordered list of ways a finding is located; the first `Match`
wins. To add one (e.g. cloud identifiers: an ARN, a GCP resource name or an Azure id in
`Finding.asset`), write `def by_arn(finding, index) -> Match | Miss | None` in its own module
and add it to the tuple below — that is the whole change. A strategy returns None when it
does not apply, and a `Miss` with a precise reason when it applies but cannot decide.

A mapped finding's `resource` is the inventory address, its `file` the block's file, its
`line` the reported line when it falls inside the block (else the block's span), and its
`id` is recomputed from (rule, resource) so two scanners reporting the same rule on the same
resource agree (plus the match's `identity` when one block holds several subjects: two
providers of one `required_providers`). Nothing is dropped: the rest become `UnmappedFinding(reason=...)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.mapping.live import by_arn, by_azure_id, by_gcp_name, by_k8s_workload, by_owned_tag, by_state
from bot.mapping.providers import by_provider_pin
from bot.mapping.strategies import (
    MappingIndex,
    Match,
    Miss,
    Strategy,
    by_address,
    by_file_and_line,
    by_file_only,
    by_k8s_identity,
    show,
)
from bot.models.common import ErrorEntry, Level, LineSpan, _replace
from bot.models.finding import Finding, MappingNote, fingerprint
from bot.models.report import UnmappedFinding
from bot.models.resource import Inventory

__all__ = ["STRATEGIES", "MappingIndex", "MappingResult", "Match", "Miss", "Strategy", "map_findings"]

_DRIVE_RE = re.compile(r"^[A-Za-z]:/")

STRATEGIES: tuple[Strategy, ...] = (
    by_address,
    by_k8s_identity,
    by_provider_pin,
    by_file_and_line,
    by_file_only,
    by_state,
    by_owned_tag,
    by_arn,
    by_gcp_name,
    by_azure_id,
    by_k8s_workload,
)


@dataclass(frozen=True)
class MappingResult:
    mapped: tuple[Finding, ...]
    unmapped: tuple[UnmappedFinding, ...]
    errors: tuple[ErrorEntry, ...]


def map_findings(
    findings: Sequence[Finding], inventory: Inventory, strategies: Sequence[Strategy] = STRATEGIES
) -> MappingResult:
    """Run the strategies over each finding; every finding ends up mapped or unmapped."""
    index = MappingIndex.build(inventory)
    mapped: list[Finding] = []
    unmapped: list[UnmappedFinding] = []
    errors: list[ErrorEntry] = []
    notes: dict[tuple[str, Level, str], MappingNote] = {}  # equal notes shared (frozen, many repeat)
    leaving: dict[str, bool] = {}  # per file: findings share a few hundred files
    for finding in findings:
        if finding.file and _leaves_repo_memo(finding.file, leaving):
            msg = f"finding {finding.id}: file {show(finding.file)} leaves the repository; not mapped"
            errors.append(ErrorEntry(kind="path", message=msg))
            unmapped.append(UnmappedFinding(finding=finding, reason=f"file {show(finding.file)} leaves the repository"))
            continue
        match, misses = locate(finding, index, strategies)
        if match is not None:
            mapped.append(apply_match(finding, match, notes))
        else:
            unmapped.append(UnmappedFinding(finding=finding, reason=unmapped_reason(finding, index, misses)))
    return MappingResult(mapped=tuple(mapped), unmapped=tuple(unmapped), errors=tuple(errors))


def locate(finding: Finding, index: MappingIndex, strategies: Sequence[Strategy]) -> tuple[Match | None, list[str]]:
    """The first strategy's match, or every applicable strategy's reason for missing."""
    misses: list[str] = []
    for strategy in strategies:
        result = strategy(finding, index)
        if isinstance(result, Match):
            return result, misses
        if isinstance(result, Miss):
            misses.append(result.reason)
    return None, misses


def apply_match(
    finding: Finding, match: Match, notes: dict[tuple[str, Level, str], MappingNote] | None = None
) -> Finding:
    """`finding` tied to the matched block; `notes` memoises the (frozen) mapping notes."""
    resource = match.resource
    line = resource.line
    reported = finding.line
    if reported is not None and finding.file == resource.file and resource.line.contains(reported.start):
        inside = reported.end <= resource.line.end
        line = reported if inside else LineSpan(start=reported.start, end=resource.line.end)
    return _replace(finding, {
        "resource": resource.address,
        "file": resource.file,
        "line": line,
        "id": fingerprint(finding.rule_id, _anchor(resource.address, match.identity), None, None),
        "mapping": _note(match, {} if notes is None else notes),
    })


def _note(match: Match, notes: dict[tuple[str, Level, str], MappingNote]) -> MappingNote:
    key = (match.strategy, match.confidence, match.detail)
    note = notes.get(key)
    if note is None:
        note = notes[key] = MappingNote(strategy=match.strategy, confidence=match.confidence, detail=match.detail)
    return note


def _anchor(address: str, identity: str | None) -> str:
    """What a mapped finding's id hangs on: its block, and which part of it when a match says."""
    return address if identity is None else f"{address}#{identity}"


def unmapped_reason(finding: Finding, index: MappingIndex, misses: list[str]) -> str:
    """The root cause first (a file that failed to parse or is not inventoried), then the misses."""
    reasons: list[str] = []
    if finding.file:
        error = index.failed.get(finding.file)
        if error is not None:
            reasons.append(f"file {finding.file} was not inventoried: {error.message}")
        elif finding.file not in index.by_file and finding.file not in index.inventory.files:
            reasons.append(f"file {show(finding.file)} is not in the inventory (not a parsed IaC file)")
        elif finding.file not in index.by_file:
            reasons.append(f"file {finding.file} defines no resources")
    if not (finding.file or finding.resource or finding.asset):
        reasons.append("the finding names no resource, file or asset")
    elif not finding.file and not finding.resource:
        reasons.append(f"no strategy maps asset {show(finding.asset or '')} to an IaC block")
    reasons.extend(m for m in misses if m not in reasons)
    return "; ".join(reasons)


def _leaves_repo_memo(path: str, memo: dict[str, bool]) -> bool:
    found = memo.get(path)
    if found is None:
        found = memo[path] = _leaves_repo(path)
    return found


def _leaves_repo(path: str) -> bool:
    text = path.replace("\\", "/")
    return text.startswith("/") or ".." in text.split("/") or _DRIVE_RE.match(text) is not None
