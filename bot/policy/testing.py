"""Rego unit tests, the `opa test` way: every `test_*` rule of every `*_test.rego` must be true."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.errors import PolicyError
from bot.policy import builtins, rego, sources

_PACKAGE = re.compile(r"^\s*package\s+([\w.]+)", re.MULTILINE)
_TEST_RULE = re.compile(r"^(test_\w+)\s*(?:if\b|\{|:=|=)", re.MULTILINE)


@dataclass(frozen=True)
class TestCase:
    file: str
    package: str
    rule: str

    @property
    def ref(self) -> str:
        return f"data.{self.package}.{self.rule}"


@dataclass(frozen=True)
class TestResult:
    case: TestCase
    passed: bool
    detail: str = ""


def discover(modules: Mapping[str, str]) -> list[TestCase]:
    """The `test_*` rules of the test files, in file order (a rule defined twice runs once)."""
    cases: dict[str, TestCase] = {}
    for name, text in sorted(modules.items()):
        if not sources.is_test_file(name):
            continue
        package = _PACKAGE.search(text)
        if package is None:
            raise PolicyError(f"{name}: no package declaration")
        for rule in _TEST_RULE.findall(text):
            case = TestCase(file=name, package=package.group(1), rule=rule)
            cases.setdefault(case.ref, case)
    return list(cases.values())


def load_test_modules(directory: Path) -> dict[str, str]:
    """The directory's modules and tests; the built-in pack joins unless the directory is a pack."""
    modules = sources.read_dir(directory, prefix=directory.name, tests=True)
    declares_pack = any(
        (m := _PACKAGE.search(text)) is not None and m.group(1) == "fixbot.policy" for text in modules.values()
    )
    if not declares_pack:
        modules.update(sources.read_dir(sources.pack_dir(), prefix="policies"))
    repo = {k: v for k, v in modules.items() if _is_repo_module(k, v)}
    builtins.check_modules(repo)  # the same allow-list as evaluation (tests are the author's own)
    modules[sources.REPO_GLUE] = sources.repo_glue(repo, sources.check_repo_modules(repo))
    return modules


def _is_repo_module(name: str, text: str) -> bool:
    package = _PACKAGE.search(text)
    return not sources.is_test_file(name) and package is not None and package.group(1).startswith("fixbot.repo.")


def run_tests(modules: Mapping[str, str]) -> list[TestResult]:
    """Compile everything once (a syntax error raises PolicyError with file:line), run each test."""
    interpreter = rego.new_interpreter(modules)
    results = []
    for case in discover(modules):
        try:
            value = rego.query(interpreter, case.ref, modules)
        except PolicyError as exc:
            results.append(TestResult(case, passed=False, detail=str(exc)))
            continue
        detail = "" if value is True else ("undefined" if value is rego.UNDEFINED else f"got {value!r}")
        results.append(TestResult(case, passed=value is True, detail=detail))
    return results
