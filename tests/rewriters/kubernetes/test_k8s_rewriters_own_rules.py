"""fixbot's own Kubernetes rules (no checkov equivalent) verified on the golden `after` files."""

from __future__ import annotations

from typing import Any

import pytest

from bot.yamledit.k8s import POD_SPEC_PATHS, dig
from bot.yamlsafe import load_yaml_all
from tests.harness.golden import Case, discover_cases

OWN = [c for c in discover_cases() if c.rewriter_id.startswith("k8s_") and c.meta["rule_id"].startswith("FIXBOT_K8S_")]


def _target(case: Case, text: str) -> dict[str, Any]:
    kind, _namespace, name = case.meta["resource"].split(".", 2)
    docs = load_yaml_all(text, case.id)
    return next(d for d in docs if isinstance(d, dict) and d.get("kind") == kind and d["metadata"]["name"] == name)


def runtime_class_approved(doc: dict[str, Any], approved: str) -> bool:
    return bool(dig(doc, (*POD_SPEC_PATHS[doc["kind"]], "runtimeClassName")) == approved)


def security_label_present(doc: dict[str, Any], key: str, value: str) -> bool:
    holders = [doc["metadata"]]
    if doc["kind"] in POD_SPEC_PATHS and doc["kind"] != "Pod":
        holders.append(dig(doc, (*POD_SPEC_PATHS[doc["kind"]][:-1], "metadata")))
    return all((h or {}).get("labels", {}).get(key) == value for h in holders)


def test_there_are_cases_for_both_own_rules() -> None:
    assert {c.meta["rule_id"] for c in OWN} == {"FIXBOT_K8S_RUNTIME_CLASS", "FIXBOT_K8S_SECURITY_LABEL"}


@pytest.mark.parametrize("case", OWN, ids=[c.id for c in OWN])
def test_own_rule_fails_before_and_passes_after(case: Case) -> None:
    params = case.meta["parameters"]
    if case.meta["rule_id"] == "FIXBOT_K8S_RUNTIME_CLASS":
        check = lambda doc: runtime_class_approved(doc, params["runtime_class"])  # noqa: E731
    else:
        check = lambda doc: security_label_present(doc, params["label_key"], params["label_value"])  # noqa: E731
    assert check(_target(case, case.after.read_text(encoding="utf-8")))
    assert not check(_target(case, case.before.read_text(encoding="utf-8")))


def test_network_policy_cases_deny_the_metadata_ip() -> None:
    cases = [c for c in discover_cases() if c.rewriter_id == "k8s_add_network_policy"]
    assert cases
    for case in cases:
        docs = load_yaml_all(case.after.read_text(encoding="utf-8"), case.id)
        policy = docs[-1]
        assert policy["kind"] == "NetworkPolicy" and policy["spec"]["policyTypes"] == ["Egress"]
        blocks = [peer["ipBlock"] for rule in policy["spec"]["egress"] for peer in rule["to"] if "ipBlock" in peer]
        assert blocks and all("169.254.169.254/32" in b.get("except", []) for b in blocks)
