"""CODEOWNERS: GitHub's file locations, pattern semantics, last match wins, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.context import build_context
from bot.context.codeowners import load_codeowners, parse_codeowners
from bot.models.resource import Inventory

RULES = """\
# default owners
*                     @acme/platform
*.tf                  @acme/terraform   # trailing comment
/envs/prod/           @acme/sre ops@acme.example
apps/                 @alice
docs/*                @docs-team
/envs/prod/generated/
**/secrets/**         @acme/security
"""


@pytest.fixture(scope="module")
def owners():
    parsed = parse_codeowners(RULES, ".github/CODEOWNERS")
    assert parsed.errors == ()
    return parsed


@pytest.mark.parametrize(
    ("path", "expected", "line"),
    [
        ("README.md", ("@acme/platform",), 2),
        ("modules/store/main.tf", ("@acme/terraform",), 3),
        ("envs/prod/main.tf", ("@acme/sre", "ops@acme.example"), 4),  # later rule wins over *.tf
        ("nested/envs/prod/main.tf", ("@acme/terraform",), 3),  # leading / anchors at the root
        ("services/apps/web/deploy.yaml", ("@alice",), 5),  # `apps/` matches at any depth
        ("docs/guide.md", ("@docs-team",), 6),
        ("docs/deep/guide.md", ("@acme/platform",), 2),  # `docs/*` is not recursive
        ("envs/prod/generated/x.tf", (), 7),  # a pattern without owners un-owns
        ("k8s/secrets/db.yaml", ("@acme/security",), 8),
    ],
)
def test_last_matching_rule_wins(owners, path: str, expected: tuple[str, ...], line: int) -> None:
    assert owners.owners_by_rule(path) == (expected, line)
    assert owners.owners_of(path) == expected


def test_invalid_lines_are_config_errors_and_skipped() -> None:
    text = "*.tf @good\n!negated @x\n/envs/ not-an-owner\n[abc].tf @x\n/envs/ok/ @ok\n"
    parsed = parse_codeowners(text, "CODEOWNERS")
    assert [(e.kind, e.file, e.line) for e in parsed.errors] == [
        ("config", "CODEOWNERS", 2),
        ("config", "CODEOWNERS", 3),
        ("config", "CODEOWNERS", 4),
    ]
    assert "invalid owner 'not-an-owner'" in parsed.errors[1].message
    assert [r.line for r in parsed.rules] == [1, 5]


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text)


def test_github_location_order(tmp_path: Path) -> None:
    assert load_codeowners(tmp_path).source is None
    _write(tmp_path, "docs/CODEOWNERS", "* @from-docs\n")
    assert load_codeowners(tmp_path).owners_of("x.tf") == ("@from-docs",)
    _write(tmp_path, "CODEOWNERS", "* @from-root\n")
    assert load_codeowners(tmp_path).owners_of("x.tf") == ("@from-root",)
    _write(tmp_path, ".github/CODEOWNERS", "* @from-github\n")
    loaded = load_codeowners(tmp_path)
    assert (loaded.source, loaded.owners_of("x.tf")) == (".github/CODEOWNERS", ("@from-github",))


def test_context_exposes_rules_owners_and_errors(tmp_path: Path) -> None:
    _write(tmp_path, "CODEOWNERS", "/terraform/ @payments-team\nbad-line @\n")
    ctx = build_context(tmp_path, RepoConfig(), Inventory(root=str(tmp_path)))
    assert ctx.owners_of("terraform/main.tf") == ("@payments-team",)
    assert ctx.owners_by_rule("terraform/main.tf") == (("@payments-team",), 1)
    assert [r.pattern for r in ctx.codeowners.rules] == ["/terraform/"]
    assert [(e.kind, e.line) for e in ctx.errors] == [("config", 2)]
