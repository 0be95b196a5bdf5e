"""Fix-rate benchmark: how many failing checkov checks the plan → `git apply` loop fixes.

For every fixture repository under tests/fixtures/tfcorpus (module-style Terraform written the
way public modules and scenario repositories are): copy it, run checkov once, plan with those
findings (`fixbot plan --format patch`), `git apply` the patch, run checkov once more, and
compare. Prints the fix rate per repository and overall, new failures, parse errors and the
reasons left (by category, then the most frequent reasons).

Run: `python -m tests.bench.fixrate [--keep DIR] [NAME ...]`.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.ingest.checkov_runner import checkov_json
from bot.models.report import Assessment
from bot.planner import plan_findings, render_patch
from bot.scan_stages import ScanRequest, scan

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "tfcorpus"
Key = tuple[str, str, str]  # file, resource, check id


@dataclass(frozen=True)
class Checks:
    status: dict[Key, str]
    parse_errors: int

    def failing(self) -> set[Key]:
        return {k for k, v in self.status.items() if v == "FAILED"}


@dataclass
class FixRate:
    name: str
    failing: int = 0
    fixed: int = 0
    new_failures: list[Key] = field(default_factory=list)
    regressions: list[Key] = field(default_factory=list)  # passed before, failing after
    parse_errors: int = 0
    patch_applied: bool = True
    categories: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    left: Counter[str] = field(default_factory=Counter)  # checks still failing, by the reason of their finding

    @property
    def rate(self) -> float:
        return self.fixed / self.failing if self.failing else 1.0


def _checks(raw: Any) -> Checks:
    out: dict[Key, str] = {}
    errors = 0
    for report in raw if isinstance(raw, list) else [raw]:
        if not isinstance(report, dict):
            continue
        errors += int(report.get("summary", {}).get("parsing_errors", 0))
        results = report.get("results", {})
        for key, status in (("passed_checks", "PASSED"), ("failed_checks", "FAILED")):
            for check in results.get(key, []):
                out[(check["file_path"].lstrip("/"), check["resource"], check["check_id"])] = status
    return Checks(out, errors)


def _git(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=root, input=stdin, text=True, capture_output=True, check=False)


_INDEX = re.compile(r"\[[^\]]*\]")
_MODULES = re.compile(r"^(?:module\.[^.]+\.)+")


def _block_key(rule: str, file: str, resource: str) -> tuple[str, str, str]:
    """A checkov result or a finding as (rule, file, block address): instances and module
    callers of one block share it."""
    return rule, file, _MODULES.sub("", _INDEX.sub("", resource.rsplit(":", 1)[-1]))


def _left_reason(a: Assessment | None) -> str:
    if a is None:
        return "not a finding"
    if a.plan is not None:
        return "planned, still failing"
    return a.unfixed.category.value if a.unfixed and a.unfixed.category else "uncategorised"


def _reason_key(reason: str) -> str:
    """A reason without the resource-specific tail, so equal causes count together."""
    return reason.split(" (", 1)[0][:120]


def measure(fixture: Path, workdir: Path) -> FixRate:
    """One fixture through the whole loop in `workdir` (a copy; the fixture is never touched)."""
    root = workdir / fixture.name
    shutil.copytree(fixture, root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=fixrate", "-c", "user.email=fixrate@localhost", "commit", "-qm", "fixture")
    raw = checkov_json(root, quiet=False)
    findings = workdir / f"{fixture.name}.checkov.json"
    findings.write_text(json.dumps(raw), encoding="utf-8")
    before = _checks(raw)
    outcome = scan(ScanRequest(root=root, findings_files=(findings,), run_checkov=False))
    planned = plan_findings(outcome.assessments, outcome.inventory, root.resolve(), outcome.config)
    result = FixRate(fixture.name, failing=len(before.failing()))
    for a in planned:
        if a.unfixed is not None:
            category = a.unfixed.category.value if a.unfixed.category else "uncategorised"
            result.categories[category] += 1
            result.reasons[f"{category}: {_reason_key(a.unfixed.reason)}"] += 1
    patch = render_patch(planned)
    if patch and _git(root, "apply", "-", stdin=patch).returncode != 0:
        result.patch_applied = False
        return result
    after = _checks(checkov_json(root, quiet=False))
    result.fixed = sum(1 for k in before.failing() if after.status.get(k) == "PASSED")
    by_block = {_block_key(a.finding.rule_id, a.finding.file or "", a.finding.resource or ""): a for a in planned}
    for k in before.failing():
        if after.status.get(k) != "PASSED":
            result.left[_left_reason(by_block.get(_block_key(k[2], k[0], k[1])))] += 1
    result.new_failures = sorted(after.failing() - before.failing())
    result.regressions = sorted(k for k in result.new_failures if before.status.get(k) == "PASSED")
    result.parse_errors = after.parse_errors
    return result


def fixtures(names: Sequence[str] = ()) -> list[Path]:
    every = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    return [p for p in every if not names or p.name in names]


def report(results: Sequence[FixRate]) -> str:
    lines = [f"{'fixture':<14} {'failing':>7} {'fixed':>5} {'rate':>6} {'new fail':>8} {'parse err':>9}"]
    for r in results:
        applied = "" if r.patch_applied else "  PATCH DID NOT APPLY"
        lines.append(f"{r.name:<14} {r.failing:>7} {r.fixed:>5} {r.rate:>6.0%} "
                     f"{len(r.new_failures):>8} {r.parse_errors:>9}{applied}")
    failing, fixed = sum(r.failing for r in results), sum(r.fixed for r in results)
    rate = fixed / failing if failing else 1.0
    lines.append(f"{'overall':<14} {failing:>7} {fixed:>5} {rate:>6.0%} "
                 f"{sum(len(r.new_failures) for r in results):>8} {sum(r.parse_errors for r in results):>9}")
    left = sum((r.left for r in results), Counter())
    lines.append("checks still failing, by reason: " + ", ".join(f"{why} {n}" for why, n in left.most_common()))
    categories = sum((r.categories for r in results), Counter())
    lines.append("unfixed findings by reason: " + ", ".join(f"{c} {n}" for c, n in categories.most_common()))
    reasons = sum((r.reasons for r in results), Counter())
    lines += [f"  {n:>4}  {reason}" for reason, n in reasons.most_common(12)]
    for r in results:
        lines += [f"NEW FAILURE {r.name}: {k[2]} {k[1]} ({k[0]})" for k in r.new_failures]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.fixrate", description=__doc__)
    parser.add_argument("names", nargs="*", help="fixture repositories to run (default: all)")
    parser.add_argument("--keep", type=Path, help="work in this directory (kept) instead of a temporary one")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = [measure(f, args.keep) for f in fixtures(args.names)]
    else:
        with tempfile.TemporaryDirectory(prefix="fixrate-") as tmp:
            results = [measure(f, Path(tmp)) for f in fixtures(args.names)]
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
