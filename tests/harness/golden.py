"""Golden cases of the rewriters: discovery, application, and a writer for new `after` files.

Layout: tests/rewriters/cases/<rewriter id>/<case>/{before.tf|before.yaml, after.*, finding.json}
finding.json: {"rule_id": "CKV_AWS_21", "resource": "aws_s3_bucket.data",
               "rule_ids": [...optional, more findings on the same resource],
               "parameters": {...optional}, "aws_provider_major": 5 (optional),
               "file_texts": {"other.tf": "..."} (optional, other files of the module),
               "upgrade": {"package": ..., "current": ..., "fixed": ...} (optional, OSV findings)}
generated/<file>: other module files the fix writes (generated resources, rewriters/terraform/generated.py).

`python -m tests.harness.golden [rewriter id]` writes `after` for cases that lack one (review it!).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import RepoConfig
from bot.inventory.kubernetes import parse_manifests
from bot.inventory.terraform import parse_terraform
from bot.models.finding import Finding, VersionUpgrade, fingerprint
from bot.models.resource import Resource
from bot.planner import catalogue_lookup, resolve_params, rewriter_by_id
from rewriters.base import Outcome, RewriteContext, Rewriter
from rewriters.terraform.generated import apply_with_generated

CASES = Path(__file__).resolve().parents[1] / "rewriters" / "cases"


@dataclass(frozen=True)
class Case:
    rewriter_id: str
    name: str
    directory: Path
    before: Path
    meta: dict[str, Any]

    @property
    def after(self) -> Path:
        return self.directory / ("after" + self.before.suffix)

    @property
    def generated(self) -> dict[str, str]:
        """Expected generated files, by module-relative name (empty: the fix writes no other file)."""
        directory = self.directory / "generated"
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(directory.glob("*"))}

    @property
    def id(self) -> str:
        return f"{self.rewriter_id}/{self.name}"

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return (self.meta["rule_id"], *self.meta.get("rule_ids", []))


def discover_cases(root: Path = CASES) -> list[Case]:
    cases = []
    for finding in sorted(root.glob("*/*/finding.json")):
        directory = finding.parent
        before = next(iter(sorted(directory.glob("before.*"))), None)
        if before is None:
            raise AssertionError(f"{directory}: no before.* file")
        meta = json.loads(finding.read_text(encoding="utf-8"))
        cases.append(Case(directory.parent.name, directory.name, directory, before, meta))
    return cases


def _resource(case: Case, text: str) -> Resource:
    rel = case.before.name
    if case.before.suffix == ".tf":
        resources = parse_terraform(text.encode("utf-8"), rel).resources
    else:
        resources = parse_manifests(text, rel).resources
    address = case.meta["resource"]
    # "resource_after": the address once fixed, for fixes that move the object (namespace)
    found = [r for r in resources if r.address in (address, case.meta.get("resource_after"))]
    if not found:
        raise AssertionError(f"{case.id}: resource {address} not in {rel}")
    return found[0]


def rewriter_of(case: Case) -> Rewriter:
    rw = rewriter_by_id(case.rewriter_id)
    if rw is None:
        raise AssertionError(f"{case.id}: no registered rewriter {case.rewriter_id!r}")
    for rule in case.rule_ids:
        if catalogue_lookup(rule) is not rw:
            raise AssertionError(f"{case.id}: rule {rule} is not handled by {rw.id}")
    return rw


def case_findings(case: Case, address: str, file: str) -> tuple[Finding, ...]:
    """The findings a case's finding.json describes, on the resource at `address` in `file`."""
    return tuple(
        Finding(
            id=fingerprint(rule, address, None, None),
            source="golden",
            rule_id=rule,
            title=rule,
            resource=address,
            file=file,
            upgrade=VersionUpgrade(**case.meta["upgrade"]) if "upgrade" in case.meta else None,
        )
        for rule in case.rule_ids
    )


def apply_case(case: Case, text: str, files: dict[str, str] | None = None) -> Outcome:
    """Run the case's rewriter on `text` as the planner would (`files`: more module files, e.g. a
    previous run's generated ones)."""
    rw = rewriter_of(case)
    resource = _resource(case, text)
    findings = case_findings(case, resource.address, resource.file)
    config = RepoConfig(parameters={rw.id: case.meta.get("parameters", {})})
    ctx = RewriteContext(
        text=text,
        resource=resource,
        findings=findings,
        params=resolve_params(rw, config),
        aws_provider_major=case.meta.get("aws_provider_major"),
        file_texts={**case.meta.get("file_texts", {}), **(files or {})},
    )
    return apply_with_generated(rw, ctx)


def write_missing(only: str | None = None) -> None:
    for case in discover_cases():
        if case.after.exists() or (only and case.rewriter_id != only):
            continue
        outcome = apply_case(case, case.before.read_text(encoding="utf-8"))
        text = getattr(outcome, "text", None)
        if text is None:
            print(f"{case.id}: SKIP {outcome}")
            continue
        case.after.write_text(text, encoding="utf-8")
        print(f"{case.id}: wrote {case.after.name}")
        for name, generated in getattr(outcome, "files", {}).items():
            (case.directory / "generated").mkdir(exist_ok=True)
            (case.directory / "generated" / name).write_text(generated, encoding="utf-8")
            print(f"{case.id}: wrote generated/{name}")


if __name__ == "__main__":
    write_missing(sys.argv[1] if len(sys.argv) > 1 else None)
