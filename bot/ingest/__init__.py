"""Ingest: run checkov and read findings files into normalised `Finding`s.

`collect()` is the stage function the pipeline calls. Formats are detected through the
explicit registry in `bot.ingest.registry`; each source is its own module with raw models
and a `to_findings()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import RepoConfig
from bot.ingest import checkov, checkov_runner
from bot.ingest.base import IngestContext, IngestResult, SourceOutput
from bot.ingest.reader import read_findings_file
from bot.ingest.registry import SOURCES, detect_source
from bot.models.common import ErrorEntry

__all__ = ["SOURCES", "IngestResult", "collect", "read_file"]


def read_file(root: Path, path: Path, config: RepoConfig) -> SourceOutput:
    """Findings of one findings file, its format auto-detected; InputError when unusable."""
    data = read_findings_file(path, config.max_file_bytes)
    source = detect_source(data, str(path))
    return source.to_findings(data, IngestContext(root=root, input=str(path)))


def _checkov_findings(root: Path, skip: Sequence[str] = ()) -> SourceOutput:
    try:
        data = checkov_runner.checkov_json(root, quiet=True, skip=skip)
    except checkov_runner.CheckovLimitError as exc:  # the other inputs and the inventory still count
        return [], [ErrorEntry(kind="checkov", message=f"{exc}; its checks are missing from the results")]
    findings, errors = checkov.to_findings(data, IngestContext(root=root, input=checkov_runner.RUN_INPUT))
    unparsed = checkov_runner.parse_error_count(data)
    if unparsed:
        errors.append(ErrorEntry(kind="checkov", message=(
            f"checkov could not parse {unparsed} file(s); their checks are missing from the results")))
    return findings, errors


def collect(
    root: Path,
    findings_files: Sequence[Path],
    *,
    run_checkov: bool,
    config: RepoConfig,
    progress: Callable[[str], None] | None = None,
    checkov_skip: Sequence[str] = (),
) -> IngestResult:
    """Run checkov once (when asked) and read every findings file; all or nothing per input."""
    root = root.resolve()
    note = progress or (lambda _msg: None)
    outputs: list[SourceOutput] = []
    if run_checkov:
        note("checkov")
        outputs.append(_checkov_findings(root, checkov_skip))
    for path in findings_files:
        note(f"reading {path.name}")
        outputs.append(read_file(root, path, config))
    return IngestResult(
        findings=tuple(f for found, _ in outputs for f in found),
        errors=tuple(e for _, errs in outputs for e in errs),
    )
