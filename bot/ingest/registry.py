"""The explicit registry of findings sources; `--findings FILE` formats are detected here.

Adding an importer (Security Hub ASFF, GCP SCC, Defender, Falco, OSV, ...) is one module and
one line:

1. Write `bot/ingest/<name>.py` with raw pydantic models of the format (`extra="ignore"`),
   `detect(data) -> bool` and `to_findings(data, ctx: IngestContext) -> (findings, errors)`.
   `data` is the parsed file: the JSON value, or for a JSON Lines file the list of its records
   (so a JSON Lines source detects a list of dicts of its shape). Build findings with
   `bot.rules.canonical_rule` + `bot.models.finding.fingerprint`, repo paths with
   `bot.ingest.base.anchored_path` (a path leaving the repo → `path_error(...)` for that record,
   the rest goes on), and untrusted text through `clean_text`. Raise `IngestError` only when
   the whole input is unusable.
2. Add `Source("<name>", <name>.detect, <name>.to_findings)` to `SOURCES` below.

`detect` must be specific: the first source whose `detect` accepts the data wins, and a
meta-test checks that every fixture is claimed by exactly one source. Names must be unique.
"""

from __future__ import annotations

from typing import Any

from bot.errors import InputError
from bot.ingest import asff, checkov, defender, falco, osv, sarif, scc
from bot.ingest.base import Source

SOURCES: tuple[Source, ...] = (
    Source("checkov", checkov.detect, checkov.to_findings),
    Source("sarif", sarif.detect, sarif.to_findings),
    Source("asff", asff.detect, asff.to_findings),
    Source("scc", scc.detect, scc.to_findings),
    Source("defender", defender.detect, defender.to_findings),
    Source("falco", falco.detect, falco.to_findings),
    Source("osv", osv.detect, osv.to_findings),
)


def _check_unique(sources: tuple[Source, ...]) -> tuple[Source, ...]:
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"duplicate findings source names: {', '.join(dupes)}")
    return sources


def detect_source(data: Any, name: str, sources: tuple[Source, ...] = SOURCES) -> Source:
    """The source that claims `data`, or InputError naming the file and the known formats."""
    for source in _check_unique(sources):
        if source.detect(data):
            return source
    known = ", ".join(s.name for s in sources)
    raise InputError(f"{name}: unknown findings format (known: {known})",
                     hint="pass checkov JSON (`checkov -o json`), SARIF 2.1.0, or a cloud/runtime export "
                          "(Security Hub ASFF, GCP SCC, Defender for Cloud, Falco / Kubernetes audit JSON, OSV)")
