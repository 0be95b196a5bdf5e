"""The policy engine: the built-in pack plus repository rules, evaluated in ONE query per batch."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.errors import PolicyError
from bot.models.decision import Decision, Outcome, Reason
from bot.policy import rego, sources
from bot.policy.input import INPUT_VERSION, PolicyInput

DECISIONS = "data.fixbot.policy.decisions"


def undefined_decision(version: str) -> Decision:
    reason = Reason(rule="policy_undefined", message="the policy gave no decision for this item (fail closed)")
    return Decision(outcome=Outcome.deny, reasons=(reason,), policy_version=version)


class PolicyEngine:
    """Compiled policy modules and the version that names them."""

    def __init__(self, modules: Mapping[str, str], version: str) -> None:
        self._modules = dict(modules)
        self._version = version
        self._lock = threading.Lock()  # one interpreter, one query at a time
        self._rego = rego.new_interpreter(self._modules)
        self.evaluate([])  # a module that compiles but cannot evaluate fails here, not mid-scan

    @property
    def version(self) -> str:
        return self._version

    @property
    def modules(self) -> Mapping[str, str]:
        return dict(self._modules)

    def evaluate(self, inputs: Sequence[PolicyInput]) -> list[Decision]:
        """One decision per input, in order. Identical inputs are evaluated once."""
        unique: dict[PolicyInput, int] = {}
        slots = [unique.setdefault(item, len(unique)) for item in inputs]
        raw = self.evaluate_raw([item.model_dump(mode="json") for item in unique])
        decided = [self._decision(raw.get(i)) for i in range(len(unique))]
        return [decided[s] for s in slots]

    def evaluate_raw(self, items: Sequence[Mapping[str, Any]]) -> dict[int, Any]:
        """index → the raw decision object the policy produced (missing: undefined)."""
        document = {"input_version": INPUT_VERSION, "items": list(items)}
        with self._lock:
            plain = rego.set_input(self._rego, document)
            result = rego.query(self._rego, DECISIONS, self._modules, plain_input=plain)
        if result is rego.UNDEFINED:
            return {}
        if not isinstance(result, list):
            raise PolicyError(f"{DECISIONS} must be an array, got {type(result).__name__}")
        return {d["index"]: d for d in result if isinstance(d, dict) and isinstance(d.get("index"), int)}

    def _decision(self, raw: Any) -> Decision:
        try:
            outcome = Outcome(raw["outcome"])
            reasons = tuple(Reason(rule=str(r["rule"]), message=str(r["message"])) for r in raw["reasons"])
        except (TypeError, KeyError, ValueError):  # undefined or malformed: fail closed
            return undefined_decision(self._version)
        return Decision(outcome=outcome, reasons=reasons, policy_version=self._version)


def load_engine(
    repo_root: Path | None = None,
    repo_policy_texts: Mapping[str, str] | None = None,
    *,
    pack: Path | None = None,
    default_branch: str | None = None,
) -> PolicyEngine:
    """The built-in pack (or `pack`) plus the repository's rules from its default branch.

    `repo_policy_texts` ({file name: Rego text}) replaces reading `repo_root`, e.g. when the
    caller fetched `.fixbot/policies/` from the default branch through a forge.
    """
    pack = pack or sources.pack_dir()
    modules = sources.read_dir(pack, prefix="policies")
    if not modules:
        raise PolicyError(f"no policy modules in {pack}")
    repo_modules, repo_git = _repo_modules(repo_root, repo_policy_texts, default_branch)
    packages = sources.check_repo_modules(repo_modules)
    modules.update(repo_modules)
    version = sources.version_string(modules, sources.pack_commit(pack), repo_git)
    modules[sources.REPO_GLUE] = sources.repo_glue(repo_modules, packages)
    return PolicyEngine(modules, version)


def _repo_modules(
    root: Path | None, texts: Mapping[str, str] | None, branch: str | None
) -> tuple[dict[str, str], str | None]:
    if texts is not None:
        named = {f"{sources.REPO_POLICY_DIR}/{Path(name).name}": text for name, text in texts.items()}
        return {k: v for k, v in named.items() if not sources.is_test_file(k)}, None
    if root is None:
        return {}, None
    return sources.read_repo_policies(root, branch)
