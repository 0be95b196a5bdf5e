"""map_findings: each strategy, the recomputed id, and every unmapped reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory
from bot.mapping import STRATEGIES, MappingIndex, Match, map_findings
from bot.models.common import Level, LineSpan
from bot.models.finding import Finding, SourceRef, fingerprint
from bot.models.resource import Inventory

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    return build_inventory(FIXTURE, RepoConfig())


def finding(rule: str = "CKV_AWS_20", line: tuple[int, int] | None = None, **kw: Any) -> Finding:
    span = LineSpan(start=line[0], end=line[1]) if line else None
    anchor = fingerprint(rule, kw.get("resource"), kw.get("file"), line[0] if line else None)
    source = kw.pop("source", "checkov")
    ref = SourceRef(source=source, tool=source, rule_id=rule)
    return Finding(id=anchor, source=source, rule_id=rule, title="t", line=span, sources=(ref,), **kw)


def one(findings: list[Finding], inventory: Inventory) -> Finding:
    result = map_findings(findings, inventory)
    assert result.unmapped == ()
    (mapped,) = result.mapped
    return mapped


def reason(f: Finding, inventory: Inventory) -> str:
    result = map_findings([f], inventory)
    assert result.mapped == ()
    (unmapped,) = result.unmapped
    assert unmapped.finding == f  # kept as reported, never dropped
    return unmapped.reason


def test_exact_address_maps_and_recomputes_the_id(inventory: Inventory) -> None:
    f = finding(resource="aws_s3_bucket_policy.payments", file="envs/prod/main.tf", line=(36, 44))
    mapped = one([f], inventory)
    assert mapped.resource == "aws_s3_bucket_policy.payments"
    assert mapped.file == "envs/prod/main.tf"
    assert mapped.line == LineSpan(start=36, end=44)
    assert mapped.id == fingerprint("CKV_AWS_20", "aws_s3_bucket_policy.payments", None, None)


def test_two_scanners_same_rule_same_resource_get_the_same_id(inventory: Inventory) -> None:
    checkov = finding(resource="aws_instance.workers[1]", file="envs/prod/main.tf", line=(46, 51))
    sarif = finding(file="envs/prod/main.tf", line=(48, 48), source="sarif")
    assert checkov.id != sarif.id
    result = map_findings([checkov, sarif], inventory)
    assert [m.resource for m in result.mapped] == ["aws_instance.workers", "aws_instance.workers"]
    assert result.mapped[0].id == result.mapped[1].id
    assert result.mapped[1].line == LineSpan(start=48, end=48)  # the reported line, inside the block


def test_address_with_for_each_key_and_data_source_without_prefix(inventory: Inventory) -> None:
    per_region = finding(resource='aws_s3_bucket.per_region["eu"]', file="envs/prod/main.tf")
    ami = finding(resource="aws_ami.base", file="envs/prod/main.tf")  # checkov drops "data."
    result = map_findings([per_region, ami], inventory)
    assert [m.resource for m in result.mapped] == ["aws_s3_bucket.per_region", "data.aws_ami.base"]


def test_duplicate_address_is_resolved_by_the_reported_file(inventory: Inventory) -> None:
    f = finding(resource="aws_s3_bucket.payments", file="envs/staging/main.tf", line=(1, 3))
    assert one([f], inventory).resource == "envs/staging:aws_s3_bucket.payments"


def test_module_address_resolves_through_the_module_call(inventory: Inventory) -> None:
    with_file = finding(resource="module.store.aws_s3_bucket_acl.this", file="modules/store/main.tf")
    without_file = finding(resource="module.store.aws_s3_bucket.this")
    result = map_findings([with_file, without_file], inventory)
    assert [m.resource for m in result.mapped] == ["aws_s3_bucket_acl.this", "aws_s3_bucket.this"]
    assert result.mapped[1].file == "modules/store/main.tf"


def test_kubernetes_identity_and_pod_template_ids(inventory: Inventory) -> None:
    svc = finding("CKV_K8S_21", resource="Service.payments-prod.web", file="k8s/base/app.yaml", line=(32, 42))
    template = finding("CKV2_K8S_6", resource="Pod.payments-prod.web.app-web", file="k8s/base/app.yaml")
    result = map_findings([svc, template], inventory)
    assert result.unmapped == ()
    assert [m.resource for m in result.mapped] == [
        "Service.payments-prod.web",
        "k8s/base:Deployment.payments-prod.web",
    ]
    assert result.mapped[0].line == LineSpan(start=32, end=41)  # clamped to the object


def test_file_and_line_picks_the_block_containing_the_line(inventory: Inventory) -> None:
    f = finding(file="envs/prod/main.tf", line=(57, 57), source="sarif")  # inside the dynamic block
    assert one([f], inventory).resource == "aws_security_group.ssh"
    k8s = finding(file="k8s/base/list.yaml", line=(15, 15), source="sarif")
    assert one([k8s], inventory).resource == "ConfigMap.tools.settings"


def test_file_only_when_the_file_defines_one_resource(inventory: Inventory) -> None:
    f = finding(file="overlays/prod/patch.yaml", source="sarif")
    mapped = one([f], inventory)
    assert mapped.resource == "overlays/prod:Deployment.payments-prod.web"
    assert mapped.line == LineSpan(start=1, end=7)


def test_address_that_disagrees_with_the_file_falls_back_to_the_line(inventory: Inventory) -> None:
    f = finding(resource="aws_s3_bucket.this", file="envs/prod/main.tf", line=(66, 69))
    assert one([f], inventory).resource == "aws_s3_bucket.per_region"


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"file": "docs/readme.md", "line": (3, 3)}, "file 'docs/readme.md' is not in the inventory"),
        ({"resource": "aws_s3_bucket.half", "file": "envs/staging/broken.tf", "line": (1, 4)},
         "file envs/staging/broken.tf was not inventoried: envs/staging/broken.tf:3: malformed HCL"),
        ({"resource": "aws_s3_bucket.payments"},
         "ambiguous address 'aws_s3_bucket.payments': candidates envs/prod:aws_s3_bucket.payments"),
        ({"file": "envs/prod/main.tf", "line": (10, 10)}, "no block at line 10 of envs/prod/main.tf"),
        ({"file": "envs/prod/main.tf"}, "envs/prod/main.tf defines 7 resources"),
        ({"resource": "aws_lambda_function.nope"}, "no block with address 'aws_lambda_function.nope'"),
        ({}, "the finding names no resource, file or asset"),
        ({"asset": "arn:aws:s3:::payments"}, "no strategy maps asset 'arn:aws:s3:::payments'"),
        ({"file": "charts/web/templates/deployment.yaml", "line": (3, 3)}, "Helm/Go templating"),
        ({"resource": "Pod.shop.ghost.app-x", "file": "k8s/base/app.yaml"}, "no workload named 'ghost'"),
    ],
)
def test_unmapped_reasons_are_precise(inventory: Inventory, kw: dict[str, Any], expected: str) -> None:
    assert expected in reason(finding(**kw), inventory)


@pytest.mark.parametrize("path", ["../outside/main.tf", "/etc/main.tf", "envs/../../x.tf", "C:/repo/main.tf"])
def test_paths_leaving_the_repository_are_errors_and_unmapped(inventory: Inventory, path: str) -> None:
    result = map_findings([finding(file=path, line=(1, 1))], inventory)
    assert result.mapped == ()
    assert "leaves the repository" in result.unmapped[0].reason
    assert [e.kind for e in result.errors] == ["path"]


def test_untrusted_text_is_quoted_and_cut_in_reasons(inventory: Inventory) -> None:
    text = reason(finding(resource="x" * 500 + ".y @admin"), inventory)
    assert len(text) < 300 and "…" in text


def test_strategies_are_an_explicit_ordered_list_that_can_be_extended(inventory: Inventory) -> None:
    names = [s.__name__ for s in STRATEGIES]
    assert names[:5] == ["by_address", "by_k8s_identity", "by_provider_pin", "by_file_and_line", "by_file_only"]

    def by_bucket_name(f: Finding, index: MappingIndex) -> Match | None:
        if not (f.asset or "").startswith("bucket-name:"):
            return None
        name = (f.asset or "").removeprefix("bucket-name:")
        hits = [r for r in index.inventory.resources if r.attributes.get("bucket") == name]
        return Match(hits[0], "bucket_name", Level.medium, f"bucket {name}") if len(hits) == 1 else None

    f = finding(asset="bucket-name:payments-data-prod")
    assert map_findings([f], inventory, STRATEGIES[:4]).mapped == ()
    result = map_findings([f], inventory, (*STRATEGIES[:4], by_bucket_name))
    assert [m.resource for m in result.mapped] == ["envs/prod:aws_s3_bucket.payments"]
