"""The demo repository tells the intended story: what checkov finds, and how the graph and the
risk model rank it (real inventory and context stages, no hand-built resources)."""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from bot.config import load_repo_config
from bot.context import build_context
from bot.graph import build_graph
from bot.inventory import build_inventory
from bot.risk import assess, enrich
from tests.harness.infra import finding_for


def demo_root() -> Path:
    root = Path(str(files("bot") / "demo" / "sample_repo"))
    assert root.is_dir(), root
    return root


@pytest.fixture(scope="module")
def staged():
    root = demo_root()
    config = load_repo_config(root)
    inventory = build_inventory(root, config)
    context = build_context(root, config, inventory)
    return config, inventory, context, build_graph(inventory, context)


def test_demo_ships_as_package_data() -> None:
    root = demo_root()
    for rel in (
        ".fixbot.yml",
        "CODEOWNERS",
        "terraform/prod/storage.tf",
        "terraform/prod/versions.tf",
        "terraform/dev/main.tf",
        "k8s/payments-api.yaml",
    ):
        assert (root / rel).is_file(), rel
    assert '"~> 5.0"' in (root / "terraform/prod/versions.tf").read_text()


def test_demo_parses_without_errors(staged) -> None:
    _, inventory, _, _ = staged
    assert inventory.errors == ()
    addresses = {r.address for r in inventory.resources}
    assert {"aws_s3_bucket.payments", "aws_s3_bucket.scratch", "Deployment.default.payments-api"} <= addresses


def test_demo_graph_story(staged) -> None:
    _, _, _, graph = staged
    assert graph.exposure("aws_s3_bucket.payments") == (True, ('aws_s3_bucket_acl.payments: acl = "public-read"',))
    assert graph.attack_path("aws_db_instance.ledger") == (
        "internet",
        "aws_lb.public",
        "aws_security_group.api",
        "aws_instance.api",
        "aws_security_group.db",
        "aws_db_instance.ledger",
    )
    assert graph.exposure("aws_security_group.bastion")[0]
    assert graph.attack_path("aws_s3_bucket.scratch") == ()
    assert graph.attack_path("Deployment.default.payments-api")[1] == "Ingress.default.payments-api"
    deployer = graph.blast_radius("aws_iam_policy.deployer")
    assert deployer.level == "high"
    assert {a.address for a in deployer.assets} == {"aws_s3_bucket.payments", "aws_db_instance.ledger"}
    assert graph.blast_radius("aws_s3_bucket.payments").level == "medium"


def test_demo_public_access_finding_ranks_prod_bucket_far_above_dev_bucket(staged) -> None:
    config, inventory, context, graph = staged
    resources = inventory.by_address()
    scores = {}
    for address in ("aws_s3_bucket.payments", "aws_s3_bucket.scratch"):
        resource = resources[address]
        finding = enrich(finding_for(resource, "CKV2_AWS_6"), resource, context, graph)
        scores[address] = assess(finding, resource, context, graph, config.risk_weights).risk.score
    assert scores["aws_s3_bucket.payments"] >= scores["aws_s3_bucket.scratch"] + 0.3


@pytest.mark.checkov
def test_checkov_finds_the_intended_failures(tmp_path: Path) -> None:
    from bot.ingest.checkov_runner import run_checkov

    repo = tmp_path / "payments-infra"
    shutil.copytree(demo_root(), repo)
    run = run_checkov(repo)
    failed = {(r.check_id, r.resource) for r in run.failed}
    expected = {
        ("CKV_AWS_20", "aws_s3_bucket.payments"),
        ("CKV2_AWS_6", "aws_s3_bucket.payments"),
        ("CKV2_AWS_6", "aws_s3_bucket.scratch"),
        ("CKV_AWS_21", "aws_s3_bucket.scratch"),
        ("CKV_AWS_145", "aws_s3_bucket.scratch"),
        ("CKV_AWS_24", "aws_security_group.bastion"),
        ("CKV_AWS_62", "aws_iam_policy.deployer"),
        ("CKV_AWS_289", "aws_iam_policy.deployer"),
        ("CKV_AWS_355", "aws_iam_policy.deployer"),
        ("CKV_AWS_16", "aws_db_instance.ledger"),
        ("CKV_K8S_16", "Deployment.default.payments-api"),
        ("CKV_K8S_11", "Deployment.default.payments-api"),
        ("CKV_K8S_13", "Deployment.default.payments-api"),
        ("CKV_K8S_21", "Deployment.default.payments-api"),
    }
    assert expected <= failed, expected - failed
    assert run.parsing_error_count == 0
