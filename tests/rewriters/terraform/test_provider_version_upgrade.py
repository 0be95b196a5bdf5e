"""The provider upgrade: constraint styles, several providers on one block, and what it refuses."""

from __future__ import annotations

import pytest

from bot.hcledit import syntax_problem
from bot.inventory.terraform import parse_terraform
from bot.models.finding import Finding, VersionUpgrade
from rewriters.base import Edit, Outcome, RewriteContext, Skip
from rewriters.terraform.provider_version_upgrade import REWRITER, raise_constraint
from rewriters.upgrade import NO_FIX

RULE = "FIXBOT_VULNERABLE_PROVIDER"


def versions(aws: str = 'version = "5.20.0"', extra: str = "") -> str:
    return (f'terraform {{\n  required_providers {{\n    aws = {{\n      source = "hashicorp/aws"\n      {aws}\n'
            f'    }}\n{extra}  }}\n}}\n')


def finding(package: str, current: str, fixed: str | None) -> Finding:
    return Finding(id=f"{package}-{fixed}", source="osv", rule_id=RULE, title="t",
                   resource="terraform.required_providers", file="versions.tf",
                   upgrade=VersionUpgrade(package=package, current=current, fixed=fixed))


def run(text: str, *findings: Finding) -> Outcome:
    (resource,) = parse_terraform(text.encode(), "versions.tf").resources
    return REWRITER.apply(RewriteContext(text=text, resource=resource, findings=findings, params={}))


def edited(outcome: Outcome) -> str:
    assert isinstance(outcome, Edit), outcome
    assert syntax_problem(outcome.text) is None
    return outcome.text


@pytest.mark.parametrize(("current", "fix", "expected"), [
    ("5.20.0", "5.31.1", "5.31.1"),
    ("= 5.20.0", "5.31.1", "= 5.31.1"),
    ("~> 5.20", "5.31.0", "~> 5.31"),
    ("~>5.20", "5.31.0", "~>5.31"),
    ("~> 5.20.0", "5.31.1", "~> 5.31.1"),
    ("~> 5.20", "5.31.1", "~> 5.31, >= 5.31.1"),  # `~> 5.31` alone would still admit 5.31.0
    (">= 5.20.0", "5.31.1", ">= 5.31.1"),
    (">= 5.20.0, < 6.0.0", "5.31.1", ">= 5.31.1, < 6.0.0"),
    ("> 5.2", "5.3.0", ">= 5.3.0"),
    ("~> 5.31", "5.31.0", "~> 5.31"),  # already admits only fixed versions: unchanged
    (">= 5.40.0", "5.31.1", ">= 5.40.0"),
    (">= 5.0, ~> 5.20", "5.31.1", ">= 5.31.1, ~> 5.31"),  # the `>=` clause already names the fix
])  # fmt: skip
def test_constraint_is_raised_in_its_own_style(current: str, fix: str, expected: str) -> None:
    assert raise_constraint(current, fix, "hashicorp/aws") == expected
    assert raise_constraint(expected, fix, "hashicorp/aws") == expected  # a fixed point


@pytest.mark.parametrize(("current", "fix", "why"), [
    ("~> 5.0", "6.0.1", "a breaking upgrade; needs parameter/manual review"),
    ("5.20.0", "6.0.0", "new major version"),
    ("< 6.0", "5.31.1", "no lower bound to raise"),
    (">= 5.0, != 5.31.1", "5.31.1", "excludes the fix 5.31.1"),
    (">= 5.0, < 5.30", "5.31.1", "excludes the fix 5.31.1"),
    ("latest", "5.31.1", "is not understood"),
])  # fmt: skip
def test_constraints_it_will_not_raise(current: str, fix: str, why: str) -> None:
    outcome = raise_constraint(current, fix, "hashicorp/aws")
    assert isinstance(outcome, Skip) and why in outcome.reason


def test_only_the_version_string_changes_and_rerun_is_a_no_op() -> None:
    text = versions('version = "5.20.0" # pinned by ops')
    after = edited(run(text, finding("hashicorp/aws", "5.20.0", "5.31.1")))
    assert after == text.replace('"5.20.0"', '"5.31.1"')
    assert edited(run(after, finding("hashicorp/aws", "5.20.0", "5.31.1"))) == after


def test_two_providers_of_one_block_are_raised_together() -> None:
    text = versions(extra='    random = { source = "hashicorp/random", version = "~> 3.5" }\n    tls = "4.0.4"\n')
    found = (finding("hashicorp/aws", "5.20.0", "5.31.1"), finding("hashicorp/random", "3.6.0", "3.6.1"),
             finding("registry.terraform.io/hashicorp/tls", "4.0.4", "4.0.5"))
    after = edited(run(text, *found))
    assert 'version = "5.31.1"' in after and 'version = "~> 3.6, >= 3.6.1"' in after  # random: ~> 3.6 admits 3.6.0
    assert 'tls = "4.0.5"' in after  # the legacy `name = "constraint"` form
    assert edited(run(after, *found)) == after


def test_the_highest_fix_wins_when_advisories_disagree() -> None:
    after = edited(run(versions(), finding("hashicorp/aws", "5.20.0", "5.22.0"),
                       finding("hashicorp/aws", "5.20.0", "5.31.1")))
    assert 'version = "5.31.1"' in after


def test_a_major_jump_leaves_the_file_alone() -> None:
    outcome = run(versions('version = "~> 5.20"'), finding("hashicorp/aws", "5.20.0", "6.0.1"))
    assert isinstance(outcome, Skip) and "needs parameter/manual review" in outcome.reason


def test_one_provider_it_cannot_raise_blocks_the_whole_edit() -> None:
    text = versions(extra='    random = { source = "hashicorp/random", version = "3.6.0" }\n')
    outcome = run(text, finding("hashicorp/aws", "5.20.0", "5.31.1"), finding("hashicorp/random", "3.6.0", "4.0.0"))
    assert isinstance(outcome, Skip) and "hashicorp/random" in outcome.reason


@pytest.mark.parametrize(("aws", "package", "why"), [
    ('version = "5.20.0"', "hashicorp/google", "no required_providers entry for hashicorp/google"),
    ("version = var.aws_version", "hashicorp/aws", "sets no plain version constraint"),
    ("", "hashicorp/aws", "terraform init -upgrade"),
])  # fmt: skip
def test_entries_it_cannot_edit(aws: str, package: str, why: str) -> None:
    outcome = run(versions(aws), finding(package, "5.20.0", "5.31.1"))
    assert isinstance(outcome, Skip) and why in outcome.reason


def test_no_fixed_version_means_no_edit() -> None:
    assert run(versions(), finding("hashicorp/aws", "5.20.0", None)) == Skip(reason=NO_FIX)


def test_the_lock_file_is_left_to_terraform_init_and_the_reviewer_is_told() -> None:
    assert REWRITER.action == "upgrade_provider_version" and REWRITER.resource_types == ("terraform",)
    assert REWRITER.verification.rules == (RULE,)
    for text in (REWRITER.rollback_plan, REWRITER.review_guidance):
        assert "terraform init -upgrade" in text and ".terraform.lock.hcl" in text


def test_an_entry_whose_source_is_not_literal_is_not_guessed() -> None:
    text = versions().replace('source = "hashicorp/aws"', "source = var.aws_source")
    outcome = run(text, finding("hashicorp/aws", "5.20.0", "5.31.1"))
    assert isinstance(outcome, Skip) and "no required_providers entry for hashicorp/aws" in outcome.reason
