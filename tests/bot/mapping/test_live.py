"""Mapping live identifiers (ARN, GCP resource name, Azure id, Kubernetes pod) to IaC blocks,
one strategy at a time, on tests/fixtures/mapping/live_repo (dev + prod AWS stacks defining the
same names, GCP, Azure, a Kubernetes namespace and a `terraform show -json` state)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import load_repo_config
from bot.inventory import build_inventory
from bot.mapping import MappingResult, map_findings
from bot.models.common import Level
from bot.models.finding import AssetHints, Finding, fingerprint
from bot.models.resource import Inventory

LIVE_REPO = Path(__file__).resolve().parents[2] / "fixtures" / "mapping" / "live_repo"
SUB = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333"


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    root = LIVE_REPO.resolve()
    return build_inventory(root, load_repo_config(root, None))


def cloud(asset: str, hints: AssetHints | None = None, rule: str = "CKV_AWS_20") -> Finding:
    return Finding(id=fingerprint(rule, f"asset:{asset}", None, None), source="asff", rule_id=rule, title="t",
                   asset=asset, asset_hints=hints)


def one(inventory: Inventory, finding: Finding) -> MappingResult:
    return map_findings([finding], inventory)


def mapped_to(inventory: Inventory, finding: Finding) -> tuple[str | None, str, Level, str]:
    result = one(inventory, finding)
    assert result.unmapped == (), result.unmapped[0].reason
    (f,) = result.mapped
    assert f.mapping is not None
    return f.resource, f.mapping.strategy, f.mapping.confidence, f.mapping.detail


def reason(inventory: Inventory, finding: Finding) -> str:
    result = one(inventory, finding)
    assert result.mapped == ()
    return result.unmapped[0].reason


def test_arn_bucket_maps_by_literal_bucket_attribute(inventory: Inventory) -> None:
    address, strategy, confidence, detail = mapped_to(inventory, cloud("arn:aws:s3:::acme-dev-tagged"))
    assert (address, strategy, confidence) == ("aws/dev:aws_s3_bucket.tagged", "arn", Level.high)
    assert "'acme-dev-tagged'" in detail


def test_mapped_cloud_finding_gets_the_block_file_span_and_resource_id(inventory: Inventory) -> None:
    (f,) = one(inventory, cloud("arn:aws:s3:::acme-dev-tagged")).mapped
    assert (f.file, f.line.start if f.line else None) == ("aws/dev/main.tf", 9)
    assert f.id == fingerprint("CKV_AWS_20", "aws/dev:aws_s3_bucket.tagged", None, None)
    assert f.asset == "arn:aws:s3:::acme-dev-tagged"  # the live identifier stays as evidence


def test_two_buckets_with_the_same_name_are_ambiguous_not_guessed(inventory: Inventory) -> None:
    why = reason(inventory, cloud("arn:aws:s3:::acme-shared-artifacts"))
    assert "ambiguous" in why
    assert "aws/dev:aws_s3_bucket.shared (aws/dev/main.tf:1)" in why
    assert "aws/prod:aws_s3_bucket.shared (aws/prod/main.tf:1)" in why


def test_bucket_prefix_is_never_matched_by_name(inventory: Inventory) -> None:
    why = reason(inventory, cloud("arn:aws:s3:::acme-dev-logs-20241101093000000000000007"))
    assert "not in the Terraform state" in why
    assert "use a name prefix, which is not matched by name" in why


def test_state_file_maps_a_prefixed_bucket_and_an_opaque_key_to_its_root_module(inventory: Inventory) -> None:
    bucket = cloud("arn:aws:s3:::acme-prod-logs-20241101093000000000000001")
    assert mapped_to(inventory, bucket)[:3] == ("aws/prod:aws_s3_bucket.logs", "tfstate", Level.high)
    key = cloud("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", rule="CKV_AWS_7")
    assert mapped_to(inventory, key)[:3] == ("aws/prod:aws_kms_key.data", "tfstate", Level.high)


def test_owned_tags_map_what_names_cannot(inventory: Inventory) -> None:
    fixbot = cloud("arn:aws:s3:::renamed-outside-terraform", AssetHints(tags={"fixbot_id": "b7d1c2e3-dev"}))
    assert mapped_to(inventory, fixbot)[:3] == ("aws/dev:aws_s3_bucket.tagged", "owned_tag", Level.high)
    yor = cloud("arn:aws:kms:eu-west-1:111122223333:key/ffff0000", AssetHints(tags={"yor_trace": "0f9e8d7c-dev"}))
    assert mapped_to(inventory, yor)[:2] == ("aws/dev:aws_kms_key.data", "owned_tag")
    missing = cloud("arn:aws:kms:eu-west-1:111122223333:key/ffff0001", AssetHints(tags={"yor_trace": "nope"}))
    assert "no block carries tag yor_trace='nope'" in reason(inventory, missing)


def test_opaque_ids_need_a_name_hint(inventory: Inventory) -> None:
    sg = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d4e5f60718"
    assert "holds an id, not a name, and the source gave no name or Name tag" in reason(inventory, cloud(sg))
    assert mapped_to(inventory, cloud(sg, AssetHints(name="web")))[:3] == (
        "aws_security_group.web", "arn", Level.medium)
    nope = cloud(sg, AssetHints(tags={"Name": "nope"}))
    assert "no aws_security_group block is named 'nope'" in reason(inventory, nope)
    assert "no aws_instance block in the inventory" in reason(inventory, cloud("arn:aws:ec2:eu-west-1:1:instance/i-1"))


@pytest.mark.parametrize("asset", ["//storage.googleapis.com/acme-analytics-exports",
                                   "//storage.googleapis.com/projects/_/buckets/acme-analytics-exports"])
def test_gcp_bucket_names(inventory: Inventory, asset: str) -> None:
    assert mapped_to(inventory, cloud(asset, rule="CKV_GCP_114"))[:3] == (
        "google_storage_bucket.exports", "gcp_name", Level.high)


def test_gcp_firewall_and_unknown_kind(inventory: Inventory) -> None:
    firewall = cloud("//compute.googleapis.com/projects/acme-prod/global/firewalls/allow-ssh-anywhere")
    assert mapped_to(inventory, firewall)[:2] == ("google_compute_firewall.ssh", "gcp_name")
    topic = cloud("//pubsub.googleapis.com/projects/acme-prod/topics/orders")
    assert "gcp resource kind 'pubsub/topics'" in reason(inventory, topic)


def test_azure_ids_match_name_and_resource_group_case_insensitively(inventory: Inventory) -> None:
    account = cloud(f"{SUB}/resourcegroups/PAYMENTS-PROD/providers/microsoft.storage/storageAccounts/AcmePaymentsDocs")
    assert mapped_to(inventory, account)[:2] == ("azurerm_storage_account.docs", "azure_id")
    # the vault's group is a reference to azurerm_resource_group.prod, whose literal name is checked
    vault = f"{SUB}/resourceGroups/payments-prod/providers/Microsoft.KeyVault/vaults/acme-payments-kv"
    assert mapped_to(inventory, cloud(vault))[0] == "azurerm_key_vault.kv"
    elsewhere = vault.replace("payments-prod", "payments-dr")
    assert "no azurerm_key_vault block is named 'acme-payments-kv'" in reason(inventory, cloud(elsewhere))


@pytest.mark.parametrize(("asset", "address", "confidence"), [
    ("k8s:shop/Pod/web-7d4b9c5f6-xk2pq", "Deployment.shop.web", Level.medium),
    ("k8s:shop/Pod/web-7d4b9c-xk2p", "Deployment.shop.web", Level.medium),
    ("k8s:shop/Pod/db-0", "StatefulSet.shop.db", Level.medium),
    ("k8s:shop/Pod/worker-6f7d8c9b5-abcde", "Deployment.shop.worker", Level.medium),
    ("k8s:shop/Pod/worker-x7k2p", "DaemonSet.shop.worker", Level.medium),
    ("k8s:shop/Deployment/web", "Deployment.shop.web", Level.high),
])
def test_k8s_pods_resolve_to_their_workload(inventory: Inventory, asset: str, address: str, confidence: Level) -> None:
    got, strategy, level, _ = mapped_to(inventory, cloud(asset, rule="CKV_K8S_16"))
    assert (got, strategy, level) == (address, "k8s_workload", confidence)


def test_k8s_app_label_fallback_and_its_ambiguity(inventory: Inventory) -> None:
    by_label = cloud("k8s:shop/Pod/storefront-canary", AssetHints(tags={"app": "storefront"}))
    assert "app label" in mapped_to(inventory, by_label)[3]
    two = cloud("k8s:shop/Pod/batch-runner", AssetHints(tags={"app": "jobs"}))
    why = reason(inventory, two)
    assert "ambiguous" in why and "Deployment.shop.worker" in why and "DaemonSet.shop.worker" in why
    assert "no workload in namespace 'payments'" in reason(inventory, cloud("k8s:payments/Pod/web-7d4b9c5f6-xk2pq"))


def test_unknown_identifier_is_reported_with_its_reason(inventory: Inventory) -> None:
    why = reason(inventory, cloud("AWS::::Account:111122223333"))
    assert why.startswith("no strategy maps asset 'AWS::::Account:111122223333' to an IaC block")


def test_unusable_state_file_is_named_in_the_reason(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(LIVE_REPO, root)
    (root / ".fixbot" / "state.json").write_text('{"format_version": "1.0"}')
    inventory = build_inventory(root, load_repo_config(root, None))
    why = reason(inventory, cloud("arn:aws:s3:::acme-prod-logs-20241101093000000000000001"))
    assert "state file .fixbot/state.json unusable: no values.root_module" in why
