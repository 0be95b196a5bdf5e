"""One fact, one place: every string link between the policy, the risk model and the fix catalogue
resolves, and what a fix's change does is written only on its rewriter's registration.

- every action name a policy rule (policies/*.rego, not tests) mentions is a catalogue action;
- every rule id the risk model gives a kind is a rule fixbot knows (bot/data/rules.json);
- `ChangeFacts(...)` is written only on rewriter registrations (and the policy input's two
  pseudo-actions), and no module of `bot/` names a catalogue action.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.policy.input import OPEN_TICKET, UNKNOWN_ACTION
from bot.risk.rule_kinds import PREFIX_KINDS, RULE_KINDS
from bot.rules import rule_table
from rewriters import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
ACTIONS = {rw.action for rw in CATALOGUE}
PSEUDO_ACTIONS = {OPEN_TICKET, UNKNOWN_ACTION}  # a ticket (no plan), an uncatalogued plan

_ACTION_COMPARE = re.compile(r'item\.action\s*(?:==|!=)\s*"([^"]*)"|"([^"]*)"\s*(?:==|!=)\s*item\.action')
_AUTOMATED = re.compile(r'automated_action\(\s*"([^"]*)"\s*\)')
_ACTION_SET = re.compile(r"^(\w+_actions)\s*:=\s*[\[{]([^\]}]*)[\]}]", re.M)
_IN_SET = re.compile(r"item\.action\s+in\s+(\w+)")
_STRING = re.compile(r'"([^"]*)"')


def policy_files() -> list[Path]:
    files = sorted(p for p in (ROOT / "policies").glob("*.rego") if not p.name.endswith("_test.rego"))
    assert files, "no policy files found"
    return files


def actions_named(rego: str) -> set[str]:
    """Every action name a Rego text compares `item.action` with, lists as an automated action,
    or puts into an `*_actions` set; an `item.action in X` over anything else is refused."""
    sets = {m[1]: set(_STRING.findall(m[2])) for m in _ACTION_SET.finditer(rego)}
    names = {a or b for a, b in _ACTION_COMPARE.findall(rego)} | set(_AUTOMATED.findall(rego))
    return names | {name for members in sets.values() for name in members}


def action_sets_used(rego: str) -> set[str]:
    return set(_IN_SET.findall(rego))


def test_every_action_a_policy_names_is_in_the_catalogue() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in policy_files()}
    named = {(name, a) for name, text in texts.items() for a in actions_named(text)}
    assert {a for _, a in named} & ACTIONS, "the extractor found no catalogue action: is it still reading the pack?"
    unknown = sorted((name, a) for name, a in named if a not in ACTIONS | PSEUDO_ACTIONS)
    assert unknown == [], "policy rules name actions no rewriter produces"
    all_text = "\n".join(texts.values())
    defined = {m[1] for m in _ACTION_SET.finditer(all_text)}
    assert action_sets_used(all_text) <= defined, "`item.action in X`: X must be an `*_actions := {...}` set"


def test_the_action_check_catches_a_planted_stale_action() -> None:
    rego = (
        'stale_actions := {"rotate_secret", "block_public_s3_access"}\n'
        'rule(item) if item.action == "delete_everything"\n'
        'automated_action("teleport_bucket")\n'
    )
    assert actions_named(rego) - ACTIONS == {"rotate_secret", "delete_everything", "teleport_bucket"}
    assert action_sets_used("x if item.action in mystery_list") == {"mystery_list"}


def test_every_rule_the_risk_model_names_is_a_known_rule() -> None:
    known = set(rule_table().rules)
    assert sorted(set(RULE_KINDS) - known) == []
    for prefix, _kind in PREFIX_KINDS:
        assert any(rule.startswith(prefix) for rule in known), prefix


def _python_files(*dirs: str) -> list[Path]:
    return sorted(p for d in dirs for p in (ROOT / d).rglob("*.py"))


def _constructs_change_facts(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ChangeFacts"
    )


def _registers_a_rewriter(path: Path) -> bool:
    return re.search(r"^REWRITER = ", path.read_text(encoding="utf-8"), re.M) is not None


def test_change_facts_are_written_only_on_rewriter_registrations() -> None:
    writers = {
        p.relative_to(ROOT).as_posix(): n
        for p in _python_files("bot", "rewriters")
        if (n := _constructs_change_facts(p))
    }
    policy_pseudo = {"bot/policy/input.py": 2}  # NO_CHANGE (a ticket) and UNKNOWN_CHANGE (uncatalogued)
    registrations = {k: v for k, v in writers.items() if k not in policy_pseudo}
    assert {k: v for k, v in writers.items() if k in policy_pseudo} == policy_pseudo
    stray = sorted(k for k in registrations if not _registers_a_rewriter(ROOT / k))
    assert stray == [], "ChangeFacts written outside a rewriter's registration"
    assert all(n == 1 for n in registrations.values()), registrations
    assert len(registrations) == len(CATALOGUE), "one declaration per registered rewriter"


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


@pytest.mark.parametrize("path", _python_files("bot"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_bot_module_names_a_catalogue_action(path: Path) -> None:
    """Facts are read from the rewriter, never keyed on its action's name elsewhere."""
    assert sorted(_string_constants(path) & ACTIONS) == []


@pytest.mark.parametrize(
    ("rewriter_id", "network"),
    [
        ("k8s_disable_host_network", False),  # isolates the pod's namespaces; reachability: disruption
        ("k8s_remove_host_port", True),  # node-ip:hostPort stops reaching the pod
        ("rds_not_public", True),  # the instance loses its public address
        ("subnet_no_public_ip", True),  # new instances get no public IP
        ("sg_rule_descriptions", False),  # descriptions only, on a security group
    ],
)
def test_network_facts_follow_what_the_change_does(rewriter_id: str, network: bool) -> None:
    [rw] = [rw for rw in CATALOGUE if rw.id == rewriter_id]
    assert rw.facts.network is network
