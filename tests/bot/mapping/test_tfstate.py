"""Terraform state (`terraform show -json` in .fixbot/state.json or .fixbot/state/*.json) as a
mapping source: identifiers of every spelling, child modules, and the state's root module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.config import load_repo_config
from bot.inventory import build_inventory
from bot.mapping import map_findings
from bot.mapping.tfstate import normalise
from bot.models.finding import Finding
from tests.harness.gitrepo import write_files

FIREWALL_TF = 'resource "google_compute_firewall" "ssh" {\n  name    = "allow-ssh"\n  network = "default"\n}\n'
GROUP_TF = 'resource "azurerm_resource_group" "rg" {\n  name     = var.group\n  location = "westeurope"\n}\n'


def state(*resources: dict[str, Any], children: tuple[dict[str, Any], ...] = ()) -> str:
    return json.dumps({"format_version": "1.0", "values": {"root_module": {
        "resources": list(resources), "child_modules": list(children)}}})


def mapped(root: Path, asset: str) -> tuple[str | None, str]:
    inventory = build_inventory(root, load_repo_config(root, None))
    result = map_findings([Finding(id="x", source="scc", rule_id="R", title="t", asset=asset)], inventory)
    if result.mapped:
        f = result.mapped[0]
        return f.resource, f.mapping.strategy if f.mapping else ""
    return None, result.unmapped[0].reason


def test_identifier_spellings_are_normalised() -> None:
    link = "https://www.googleapis.com/compute/v1/projects/p/global/firewalls/allow-ssh"
    assert normalise(link) == normalise("//compute.googleapis.com/projects/p/global/firewalls/allow-ssh")
    assert normalise("/subscriptions/S/resourceGroups/RG") == normalise("/subscriptions/s/resourcegroups/rg")
    assert normalise("arn:aws:s3:::b") == "arn:aws:s3:::b"


def test_self_link_and_azure_id_from_state(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    write_files(root, {"gcp/main.tf": FIREWALL_TF, "azure/main.tf": GROUP_TF, ".fixbot/state/gcp.json": state(
        {"address": "google_compute_firewall.ssh", "mode": "managed", "values": {
            "self_link": "https://www.googleapis.com/compute/v1/projects/p/global/firewalls/allow-ssh"}}),
        ".fixbot/state/azure.json": state({"address": "azurerm_resource_group.rg", "mode": "managed", "values": {
            "id": "/subscriptions/0000/resourceGroups/Payments"}})})
    assert mapped(root, "//compute.googleapis.com/projects/p/global/firewalls/allow-ssh") == (
        "google_compute_firewall.ssh", "tfstate")
    # the group's name is a variable: only the state can tie the live id to the block
    assert mapped(root, "/subscriptions/0000/resourcegroups/payments") == ("azurerm_resource_group.rg", "tfstate")


def test_child_module_addresses_and_ambiguous_roots(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n'
    write_files(root, {"a/main.tf": bucket, "b/main.tf": bucket, ".fixbot/state.json": state(children=(
        {"address": "module.store", "resources": [{"address": "module.store.aws_s3_bucket.b[0]", "mode": "managed",
                                                   "values": {"arn": "arn:aws:s3:::x", "bucket": "x"}}]},))})
    address, why = mapped(root, "arn:aws:s3:::x")
    assert address is None
    assert "ambiguous: state address 'module.store.aws_s3_bucket.b[0]' matches" in why
    assert "a:aws_s3_bucket.b (a/main.tf)" in why and "b:aws_s3_bucket.b (b/main.tf)" in why
