"""The policy engine: the built-in pack plus repository rules, evaluated in ONE query per batch."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bot.errors import PolicyError
from bot.models.decision import Decision, Outcome, Reason
from bot.policy import builtins, rego, sandbox, sources
from bot.policy.input import INPUT_VERSION, PolicyInput

DECISIONS = "data.fixbot.policy.decisions"
SANDBOX_CHUNK = 500  # items per sandboxed evaluation (~0.5 CPU s, ~25 MiB with the pack)


def undefined_decision(version: str) -> Decision:
    reason = Reason(rule="policy_undefined", message="the policy gave no decision for this item (fail closed)")
    return Decision(outcome=Outcome.deny, reasons=(reason,), policy_version=version)


class PolicyEngine:
    """Compiled policy modules and the version that names them."""

    def __init__(self, modules: Mapping[str, str], version: str, *, untrusted: bool = False) -> None:
        self._modules = dict(modules)
        self._version = version
        self._untrusted = untrusted  # repository rules: every evaluation runs in the sandbox
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
        """index → the raw decision object the policy produced (missing: undefined).

        With repository rules, each chunk of SANDBOX_CHUNK items is one sandboxed evaluation
        (its CPU and memory limits are per chunk, so a large scan is not cut off for its size).
        """
        if not self._untrusted:
            return self._indexed(self._query(items), 0)
        out: dict[int, Any] = {}
        for start in range(0, max(len(items), 1), SANDBOX_CHUNK):
            chunk = items[start : start + SANDBOX_CHUNK]
            with self._lock:
                out.update(self._indexed(sandbox.run(partial(self._query, chunk)), start))
        return out

    def _indexed(self, result: Any, offset: int) -> dict[int, Any]:
        if result is None:
            return {}
        if not isinstance(result, list):
            raise PolicyError(f"{DECISIONS} must be an array, got {type(result).__name__}")
        return {d["index"] + offset: d for d in result if isinstance(d, dict) and isinstance(d.get("index"), int)}

    def _query(self, items: Sequence[Mapping[str, Any]]) -> Any:
        """The raw decisions array (None when undefined); the caller holds the lock or is the sandbox."""
        document = {"input_version": INPUT_VERSION, "items": list(items)}
        if not self._untrusted:
            with self._lock:
                return self._run(document)
        return self._run(document)

    def _run(self, document: Mapping[str, Any]) -> Any:
        plain = rego.set_input(self._rego, document)
        result = rego.query(self._rego, DECISIONS, self._modules, plain_input=plain)
        return None if result is rego.UNDEFINED else result

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
    builtins.check_modules(repo_modules)
    modules.update(repo_modules)
    version = sources.version_string(modules, sources.pack_commit(pack), repo_git)
    modules[sources.REPO_GLUE] = sources.repo_glue(repo_modules, packages)
    return PolicyEngine(modules, version, untrusted=bool(repo_modules))


def _repo_modules(
    root: Path | None, texts: Mapping[str, str] | None, branch: str | None
) -> tuple[dict[str, str], str | None]:
    if texts is not None:
        named = {f"{sources.REPO_POLICY_DIR}/{Path(name).name}": text for name, text in texts.items()}
        return {k: v for k, v in named.items() if not sources.is_test_file(k)}, None
    if root is None:
        return {}, None
    return sources.read_repo_policies(root, branch)
