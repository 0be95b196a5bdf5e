"""The inventory spells Kubernetes addresses exactly as the real checkov does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory, plain_address
from tests.harness.checkov_batch import CHECKOV, run_checkov

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"

pytestmark = pytest.mark.checkov


@pytest.mark.skipif(not CHECKOV.exists(), reason="make setup installs .venv-checkov")
def test_every_checkov_kubernetes_resource_id_is_an_inventory_address(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE / "k8s", root / "k8s")
    results = run_checkov(root, ("kubernetes",))
    checkov_ids = {(Path(rel).name, res) for rel, res, _ in results if res.count(".") == 2}
    inventory = build_inventory(root, RepoConfig())
    ours = {(Path(r.file).name, plain_address(r)) for r in inventory.resources}
    assert checkov_ids, "checkov reported nothing"
    # Namespace and ConfigMap objects get no checks, so checkov's set is a subset of ours.
    assert checkov_ids <= ours
    assert ("app.yaml", "ClusterRole.default.web-reader") in checkov_ids
    assert ("list.yaml", "Pod.default.debug") in checkov_ids
