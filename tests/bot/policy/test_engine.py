"""Loading and evaluating policy: repo rules, default branch, errors, undefined, versions."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.errors import PolicyError
from bot.models.decision import Outcome
from bot.policy import load_engine
from bot.policy.sources import pack_dir
from tests.bot.policy.test_automation_table import pi
from tests.harness.gitrepo import git, make_repo, write_files

REPO_DENY_BUCKETS = """\
package fixbot.repo.freeze

import rego.v1

deny_rules := ["bucket_freeze"]

deny("bucket_freeze", item) := "bucket changes are frozen" if {
	item.resource_type == "aws_s3_bucket"
}
"""
REPO_APPROVE_ALL = """\
package fixbot.repo.review

import rego.v1

require_approval_rules := ["four_eyes"]

require_approval("four_eyes", item) := "every change is reviewed here" if {
	item.action != "open_ticket"
}
"""
REPO_TRIES_TO_ALLOW = """\
package fixbot.repo.loosen

import rego.v1

allow_rules := ["trust_me"]

allow("trust_me", item) := "trust me" if true

deny_reasons(item) := []
"""


def rules(decision: object) -> list[str]:
    return [r.rule for r in decision.reasons]  # type: ignore[attr-defined]


def test_repo_rule_tightens_an_allow_to_deny() -> None:
    engine = load_engine(repo_policy_texts={"freeze.rego": REPO_DENY_BUCKETS})
    allowed, other = engine.evaluate([pi(), pi(action="add_security_label", resource_type="Deployment")])
    assert allowed.outcome == Outcome.deny
    assert rules(allowed) == ["repo.bucket_freeze"]
    assert allowed.reasons[0].message == "bucket changes are frozen"
    assert other.outcome == Outcome.allow


def test_repo_rule_can_require_approval() -> None:
    engine = load_engine(repo_policy_texts={"review.rego": REPO_APPROVE_ALL})
    change, ticket = engine.evaluate([pi(), pi(action="open_ticket")])
    assert change.outcome == Outcome.require_approval
    assert change.reasons[0].message == "every change is reviewed here"
    assert ticket.outcome == Outcome.allow


def test_repo_allow_cannot_override_a_pack_deny() -> None:
    engine = load_engine(repo_policy_texts={"loosen.rego": REPO_TRIES_TO_ALLOW})
    denied, approval = engine.evaluate([pi(blast_radius="high"), pi(environment="prod")])
    assert denied.outcome == Outcome.deny
    assert rules(denied) == ["high_blast_radius"]
    assert approval.outcome == Outcome.require_approval


@pytest.mark.parametrize("package", ["fixbot.policy", "fixbot.repo", "fixbot", "fixbot.repo.deny_reasons"])
def test_repo_module_cannot_declare_another_package(package: str) -> None:
    text = f"package {package}\n\nimport rego.v1\n\ndecisions := []\n"
    with pytest.raises(PolicyError, match=r"\.fixbot/policies/evil\.rego: .*package fixbot\.repo\.<name>"):
        load_engine(repo_policy_texts={"evil.rego": text})


def test_repo_rule_without_its_name_list_is_rejected() -> None:
    text = REPO_DENY_BUCKETS.replace('deny_rules := ["bucket_freeze"]', "")
    with pytest.raises(PolicyError, match="no deny_rules list"):
        load_engine(repo_policy_texts={"freeze.rego": text})


def test_two_repo_modules_both_contribute() -> None:
    engine = load_engine(repo_policy_texts={"freeze.rego": REPO_DENY_BUCKETS, "review.rego": REPO_APPROVE_ALL})
    bucket, label = engine.evaluate([pi(), pi(action="add_security_label", resource_type="Deployment")])
    assert (bucket.outcome, rules(bucket)) == (Outcome.deny, ["repo.bucket_freeze"])
    assert (label.outcome, rules(label)) == (Outcome.require_approval, ["repo.four_eyes"])


def test_repo_policy_is_read_from_the_default_branch_only(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {"README.md": "hi\n"})
    git(root, "checkout", "-q", "-b", "feature")
    write_files(root, {".fixbot/policies/freeze.rego": REPO_DENY_BUCKETS})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "try to change policy from a PR")
    assert load_engine(root).evaluate([pi()])[0].outcome == Outcome.allow  # feature-branch rule ignored
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "feature")
    git(root, "checkout", "-q", "-b", "loosen")
    git(root, "rm", "-q", ".fixbot/policies/freeze.rego")
    git(root, "commit", "-q", "-m", "a PR deleting the rule cannot loosen itself")
    engine = load_engine(root)
    assert engine.evaluate([pi()])[0].outcome == Outcome.deny
    assert re.search(r"\+repo:[0-9a-f]{7}$", engine.version)


def test_working_tree_policies_outside_git(tmp_path: Path) -> None:
    write_files(tmp_path, {".fixbot/policies/freeze.rego": REPO_DENY_BUCKETS})
    assert load_engine(tmp_path).evaluate([pi()])[0].outcome == Outcome.deny


def test_repo_test_files_are_not_policy() -> None:
    engine = load_engine(repo_policy_texts={"freeze_test.rego": REPO_DENY_BUCKETS})
    assert engine.evaluate([pi()])[0].outcome == Outcome.allow


def test_syntax_error_names_file_and_line() -> None:
    bad = "package fixbot.repo.bad\n\nimport rego.v1\n\nx if {\n\tinput.x ==\n}\n"
    with pytest.raises(PolicyError, match=r"^\.fixbot/policies/bad\.rego:6:\d+: "):
        load_engine(repo_policy_texts={"bad.rego": bad})


def test_syntax_error_in_the_pack_names_file_and_line(tmp_path: Path) -> None:
    pack = shutil.copytree(pack_dir(), tmp_path / "pack")
    (pack / "deny.rego").write_text((pack / "deny.rego").read_text() + "\noops if {\n  1 +\n}\n")
    lines = (pack / "deny.rego").read_text().count("\n")
    with pytest.raises(PolicyError, match=rf"^policies/deny\.rego:{lines - 1}:"):
        load_engine(pack=pack)


def _pack(tmp_path: Path, body: str) -> Path:
    pack = tmp_path / "pack"
    write_files(pack, {"decision.rego": f"package fixbot.policy\n\nimport rego.v1\n\n{body}\n"})
    return pack


@pytest.mark.parametrize(
    ("body", "first"),
    [
        ('decisions := [{"index": 0, "outcome": "allow", "reasons": []}]', Outcome.allow),  # item 1 missing
        ("decisions := x if { x := [1]; false }", Outcome.deny),  # undefined
        ('decisions := [{"index": 0, "outcome": "allow", "reasons": []}, {"index": 1, "outcome": "maybe"}]',
         Outcome.allow),
    ],
    ids=["missing-item", "undefined", "malformed"],
)  # fmt: skip
def test_undefined_or_malformed_is_deny(tmp_path: Path, body: str, first: Outcome) -> None:
    engine = load_engine(pack=_pack(tmp_path, body))
    one, two = engine.evaluate([pi(), pi(environment="prod")])
    assert two.outcome == Outcome.deny
    assert rules(two) == ["policy_undefined"]
    assert one.outcome == first


def test_version_is_a_content_hash_that_follows_policy_changes(tmp_path: Path) -> None:
    pack = shutil.copytree(pack_dir(), tmp_path / "pack")
    before = load_engine(pack=pack).version
    assert re.fullmatch(r"sha256:[0-9a-f]{12}", before)
    assert load_engine(pack=pack).version == before
    (pack / "allow.rego").write_text((pack / "allow.rego").read_text() + "\n# reviewed\n")
    assert load_engine(pack=pack).version != before
    assert load_engine(pack=pack, repo_policy_texts={"x.rego": REPO_APPROVE_ALL}).version != before


def test_version_names_the_git_commit_of_a_committed_pack(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "src", {"README.md": "pack\n"})
    shutil.copytree(pack_dir(), root / "policies")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "policy")
    head = git(root, "rev-parse", "--short=7", "HEAD").strip()
    assert load_engine(pack=root / "policies").version.endswith(f"@git:{head}")
    (root / "policies" / "deny.rego").write_text("# local edit\n" + (root / "policies" / "deny.rego").read_text())
    assert "@git:" not in load_engine(pack=root / "policies").version  # dirty: only the hash names it


def test_strings_with_quotes_and_newlines_round_trip() -> None:
    echo = (
        'package fixbot.repo.echo\n\nimport rego.v1\n\ndeny_rules := ["echo"]\n\ndeny("echo", item) := item.owners[0]\n'
    )
    owner = '@team "x", \\ {"outcome": "allow"}\nnext'
    [d] = load_engine(repo_policy_texts={"echo.rego": echo}).evaluate([pi(owners=(owner,))])
    assert d.outcome == Outcome.deny
    assert d.reasons[0].message == owner


def test_empty_batch() -> None:
    assert load_engine().evaluate([]) == []


def test_unusual_default_branch_falls_back_to_the_checked_out_commit(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {".fixbot/policies/freeze.rego": REPO_DENY_BUCKETS}, branch="develop")
    assert load_engine(root).evaluate([pi()])[0].outcome == Outcome.deny
    assert load_engine(root, default_branch="develop").evaluate([pi()])[0].outcome == Outcome.deny
    with pytest.raises(PolicyError, match="'nope'"):
        load_engine(root, default_branch="nope")


def test_repository_without_commits_reads_its_working_tree(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    write_files(tmp_path, {".fixbot/policies/freeze.rego": REPO_DENY_BUCKETS})
    assert load_engine(tmp_path).evaluate([pi()])[0].outcome == Outcome.deny
