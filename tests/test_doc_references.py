"""The tests docs/security.md cites as proof exist (a renamed test must not leave the doc lying)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?::(\w+)")


def _cited() -> list[tuple[str, str]]:
    """(file, test) pairs; a bare `::name` belongs to the file named last before it."""
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    out: list[tuple[str, str]] = []
    current = ""
    for match in REFERENCE.finditer(text):
        current = match.group(1) or current
        out.append((current, match.group(2)))
    return out


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}


def test_every_test_the_threat_model_cites_exists() -> None:
    cited = _cited()
    assert len(cited) > 20
    missing = [f"{f}::{name}" for f, name in cited if not (ROOT / f).is_file() or name not in _defined(ROOT / f)]
    assert missing == []
