"""Verification cost: 200 merged fixes checked against moto's server (API calls per check, wall
time), and checkov on the changed files only (the fixes' rules) versus a full checkov pass.

`python -m tests.bench --verify-fixes 200` (part of `make bench`).
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.inventory.terraform import parse_terraform
from bot.provider.aws.provider import AwsProvider
from bot.provider.aws.session import AwsContext
from tests.bench.synth import generate_repo
from tests.harness.aws_apply import apply, clients
from tests.harness.moto_server import FAKE_ENV, moto_server

CHECKOV_TARGET = 0.15
Print = Callable[[str], None]

# one merged fix per family: (provider check, Terraform of the fixed resource, with {i})
FAMILIES: tuple[tuple[str, str], ...] = (
    ("s3_public_access_blocked", 'resource "aws_s3_bucket" "b{i}" {{\n  bucket = "bench-pab-{i}"\n}}\n'
     'resource "aws_s3_bucket_public_access_block" "b{i}" {{\n  bucket = aws_s3_bucket.b{i}.id\n'
     '  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n'
     '  restrict_public_buckets = true\n}}\n'),
    ("s3_versioning_enabled", 'resource "aws_s3_bucket" "v{i}" {{\n  bucket = "bench-ver-{i}"\n'
     '  versioning {{\n    enabled = true\n  }}\n}}\n'),
    ("s3_acl_not_public", 'resource "aws_s3_bucket" "a{i}" {{\n  bucket = "bench-acl-{i}"\n  acl = "private"\n}}\n'),
    ("sg_no_public_port_22", 'resource "aws_security_group" "s{i}" {{\n  name = "bench-sg-{i}"\n'
     '  ingress {{\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n'
     '    cidr_blocks = ["10.0.0.0/8"]\n  }}\n}}\n'),
    ("ebs_volume_encrypted", 'resource "aws_ebs_volume" "e{i}" {{\n  availability_zone = "eu-west-1a"\n'
     '  size = 8\n  encrypted = true\n}}\n'),
    ("kms_key_rotation", 'resource "aws_kms_key" "k{i}" {{\n  description = "bench {i}"\n'
     '  enable_key_rotation = true\n}}\n'),
    ("cloudtrail_log_validation", 'resource "aws_cloudtrail" "t{i}" {{\n  name = "bench-trail-{i}"\n'
     '  s3_bucket_name = "bench-trail-logs-{i}"\n  enable_log_file_validation = true\n}}\n'),
    ("rds_deletion_protection", 'resource "aws_db_instance" "d{i}" {{\n  identifier = "bench-db-{i}"\n'
     '  engine = "postgres"\n  instance_class = "db.t3.micro"\n  allocated_storage = 20\n'
     '  username = "app"\n  deletion_protection = true\n}}\n'),
)


@dataclass(frozen=True)
class VerifyCost:
    fixes: int
    seconds: float
    calls: dict[str, tuple[int, int]]  # check -> (checks run, API calls)
    verified: int


def verify_cost(fixes: int) -> VerifyCost:
    """Create `fixes` fixed resources on moto, then verify each through the AWS provider."""
    import os

    os.environ.update({k: os.environ.get(k, v) for k, v in FAKE_ENV.items()})
    text = "".join(FAMILIES[i % len(FAMILIES)][1].format(i=i) for i in range(fixes))
    resources = list(parse_terraform(text.encode(), "main.tf").resources)
    with moto_server() as endpoint, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / ".fixbot").mkdir()
        (root / ".fixbot" / "state.json").write_text(json.dumps(apply(clients(endpoint), resources)))
        ctx = AwsContext.from_environment(region="eu-west-1", endpoint_url=endpoint)
        counter: Counter[str] = Counter()
        current = [""]
        ctx.session.events.register("before-call.*.*", lambda **kw: counter.update([current[0]]))
        provider = AwsProvider(ctx, root, resources)
        runs: Counter[str] = Counter()
        verified, start = 0, time.perf_counter()
        for i in range(fixes):
            check = FAMILIES[i % len(FAMILIES)][0]
            target = next(r for r in resources if r.name.endswith(str(i)) and r.name[1:] == str(i)
                          and r.type != "aws_s3_bucket_public_access_block")
            current[0] = check
            runs[check] += 1
            verified += provider.check(check, [target]).ok
        seconds = time.perf_counter() - start
    return VerifyCost(fixes, seconds, {c: (runs[c], counter[c]) for c in runs}, verified)


@dataclass(frozen=True)
class CheckovCost:
    full_wall: float
    full_cpu: float  # CPU of the checkov child process (the machine may be shared: wall time is noisy)
    changed_wall: float
    changed_cpu: float
    files: int
    rules: int


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def checkov_cost(resources: int, fixes: int) -> CheckovCost:
    """A full checkov pass versus checkov on the files `fixes` failed findings are in (their rules only)."""
    from bot.ingest.checkov_runner import run_checkov

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_repo(Path(tmp), resources)
        start, cpu = time.perf_counter(), _child_cpu()
        full = run_checkov(root)
        full_wall, full_cpu = time.perf_counter() - start, _child_cpu() - cpu
        picked: dict[str, set[str]] = defaultdict(set)
        for r in full.failed[:fixes]:
            picked[str(r.file).lstrip("/")].add(r.check_id)
        rules = sorted({rule for found in picked.values() for rule in found})
        start, cpu = time.perf_counter(), _child_cpu()
        run_checkov(root, files=sorted(picked), checks=rules)
        return CheckovCost(full_wall, full_cpu, time.perf_counter() - start, _child_cpu() - cpu, len(picked),
                           len(rules))


def run_verify_bench(fixes: int, checkov_resources: int = 2000, out: Print = print) -> dict[str, Any]:
    cost = verify_cost(fixes)
    total_calls = sum(c for _, c in cost.calls.values())
    out(f"\nverification on moto: {cost.fixes} merged fixes, {cost.verified} verified, "
        f"{cost.seconds:.2f} s wall ({1000 * cost.seconds / cost.fixes:.1f} ms/fix), {total_calls} API calls")
    out(f"{'check':32} {'runs':>5} {'API calls/check':>16}")
    for check, (runs, calls) in sorted(cost.calls.items()):
        out(f"{check:32} {runs:>5} {calls / runs:>16.2f}")
    ck = checkov_cost(checkov_resources, fixes)
    wall, cpu = ck.changed_wall / ck.full_wall, ck.changed_cpu / max(ck.full_cpu, 1e-9)
    verdict = "OK" if cpu <= CHECKOV_TARGET else "ABOVE TARGET"
    out(f"checkov, {checkov_resources} resources: full pass {ck.full_wall:.1f} s wall / {ck.full_cpu:.1f} s CPU; "
        f"changed files only ({ck.files} files, {ck.rules} rules) {ck.changed_wall:.1f} s wall / "
        f"{ck.changed_cpu:.1f} s CPU = {100 * wall:.1f} % wall, {100 * cpu:.1f} % CPU "
        f"(target <= {100 * CHECKOV_TARGET:.0f} %: {verdict})")
    return {"verify": cost, "checkov": ck}
