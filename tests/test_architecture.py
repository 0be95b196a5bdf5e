"""The layers in `.importlinter` hold (so a violation fails pytest too), and each contract bites.

The second test copies the packages, plants one violation per contract and expects every
contract to be reported broken: a contract that cannot fail would protect nothing.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = REPO / ".importlinter"

# contract id -> (module file, the import that breaks it)
VIOLATIONS = {
    "models-pure": ("bot/models/common.py", "import bot.errors"),
    "no-cycles": ("bot/errors.py", "import bot.cli.main"),
    "rewriters-below-execution": ("rewriters/base.py", "import bot.lifecycle.merge"),
    "policy-independent": ("bot/policy/engine.py", "import rewriters"),
    "github-at-the-roots": ("bot/lifecycle/merge.py", "import bot.forge.github"),
    "layers": ("bot/inventory/files.py", "import bot.planner"),
}


def _contracts() -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(CONFIG)
    return parser


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd), "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(cwd / ".importlinter"), "--no-cache"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_code_keeps_every_import_contract() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_contract_is_exercised_and_fails_on_a_violation(tmp_path: Path) -> None:
    ids = {s.split(":", 2)[2] for s in _contracts().sections() if s.startswith("importlinter:contract:")}
    assert ids == set(VIOLATIONS), "each contract needs a planted violation below"
    for package in ("bot", "rewriters"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(CONFIG, tmp_path / ".importlinter")
    for path, statement in VIOLATIONS.values():
        target = tmp_path / path
        target.write_text(target.read_text(encoding="utf-8") + f"\n{statement}  # planted\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    names = {cid: _contracts()[f"importlinter:contract:{cid}"]["name"] for cid in VIOLATIONS}
    out = " ".join(result.stdout.split())  # the report wraps long names
    for cid, name in names.items():
        assert f"{name} BROKEN" in out, f"{cid} did not catch its planted violation:\n{result.stdout}"


def _top_level_modules() -> set[str]:
    return {
        f"bot.{p.stem if p.suffix == '.py' else p.name}"
        for p in (REPO / "bot").iterdir()
        if (p.suffix == ".py" and p.stem not in ("__init__", "__main__")) or (p / "__init__.py").exists()
    }


def test_every_top_level_module_has_a_layer_and_is_forbidden_to_models() -> None:
    """A module added under bot/ cannot slip past the layers or into bot.models unnoticed."""
    contracts = _contracts()
    forbidden = set(contracts["importlinter:contract:models-pure"]["forbidden_modules"].split())
    layered = set(contracts["importlinter:contract:layers"]["layers"].replace("|", " ").split())
    tops = _top_level_modules()
    assert tops - {"bot.models"} <= forbidden
    assert tops <= layered


def test_no_library_module_switches_the_garbage_collector() -> None:
    """Process-wide collector settings belong to the CLI process entry, never to code the server runs."""
    offenders = []
    for path in [*(REPO / "bot").rglob("*.py"), *(REPO / "rewriters").rglob("*.py")]:
        if path == REPO / "bot" / "cli" / "main.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "gc":
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno} gc.{node.attr}")
    assert offenders == []
