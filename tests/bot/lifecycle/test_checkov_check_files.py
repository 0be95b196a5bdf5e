"""The pre-merge checkov run sees a changed variable default together with the resources using it."""

from __future__ import annotations

from pathlib import Path

from bot.lifecycle.checkov_check import _with_module_files


def test_a_changed_module_file_brings_its_directory_along(tmp_path: Path) -> None:
    for rel in ("modules/db/main.tf", "modules/db/variables.tf", "modules/db/README.md", "main.tf"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# x\n")
    (tmp_path / "modules/db/link.tf").symlink_to(tmp_path / "main.tf")
    files = _with_module_files(tmp_path, ["modules/db/variables.tf", "k8s/deploy.yaml"])
    assert files == ["modules/db/variables.tf", "k8s/deploy.yaml", "modules/db/main.tf"]
