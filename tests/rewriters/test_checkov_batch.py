"""Real checkov, batched: every golden `after` fixes its rules and breaks nothing that passed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness.checkov_batch import Results, run_checkov
from tests.harness.golden import Case, discover_cases

pytestmark = pytest.mark.checkov

CASES = discover_cases()
FRAMEWORKS = ("terraform", "kubernetes")


def _layout(root: Path, which: str) -> dict[str, str]:
    """Each case in its own directory (its own Terraform module); returns case id -> file path."""
    paths = {}
    for case in CASES:
        directory = root / which / f"{case.rewriter_id}__{case.name}"
        directory.mkdir(parents=True)
        source = case.before if which == "before" else case.after
        name = "main" + source.suffix
        (directory / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        for extra, text in case.meta.get("file_texts", {}).items():
            (directory / extra).write_text(text, encoding="utf-8")
        for generated, text in case.generated.items() if which == "after" else ():
            (directory / generated).write_text(text, encoding="utf-8")
        paths[case.id] = f"{directory.name}/{name}"
    return paths


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Results, Results, dict[str, str]]:
    root = tmp_path_factory.mktemp("golden")
    paths = _layout(root, "before")
    assert _layout(root, "after") == paths
    return run_checkov(root / "before", FRAMEWORKS), run_checkov(root / "after", FRAMEWORKS), paths


def _checkov_rules(case: Case) -> tuple[str, ...]:
    """Rules checkov knows; fixbot's own (FIXBOT_*) are verified by their provider checks."""
    return tuple(rule for rule in case.rule_ids if rule.upper().startswith("CKV"))


def _checks(results: Results, path: str) -> dict[tuple[str, str], str]:
    return {(res, rule): status for (file, res, rule), status in results.items() if file == path}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_targeted_rules_pass_after(case: Case, scanned: tuple[Results, Results, dict[str, str]]) -> None:
    _before, after, paths = scanned
    checks = _checks(after, paths[case.id])
    resource = case.meta.get("checkov_resource_after", case.meta.get("checkov_resource", case.meta["resource"]))
    for rule in _checkov_rules(case):
        assert checks.get((resource, rule)) == "PASSED", (
            f"{case.id}: {rule} on {resource} is {checks.get((resource, rule))}"
        )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_nothing_that_passed_before_fails_after(case: Case, scanned: tuple[Results, Results, dict[str, str]]) -> None:
    before, after, paths = scanned
    was = _checks(before, paths[case.id])
    now = _checks(after, paths[case.id])
    regressions = sorted(k for k, status in was.items() if status == "PASSED" and now.get(k) == "FAILED")
    assert regressions == []


@pytest.mark.parametrize("case", [c for c in CASES if c.generated], ids=[c.id for c in CASES if c.generated])
def test_generated_resources_fail_no_check(case: Case, scanned: tuple[Results, Results, dict[str, str]]) -> None:
    """What fixbot adds to a module (a KMS key, a log bucket, ...) is itself compliant."""
    _before, after, paths = scanned
    directory = paths[case.id].rsplit("/", 1)[0]
    checked = {(f, res, rule): s for (f, res, rule), s in after.items() if f.startswith(directory + "/fixbot_")}
    assert checked, f"{case.id}: checkov saw none of the generated resources"
    assert sorted(k for k, status in checked.items() if status == "FAILED") == []


def test_before_cases_really_fail_their_rules(scanned: tuple[Results, Results, dict[str, str]]) -> None:
    """A golden case whose `before` already passes proves nothing about the fix."""
    before, _after, paths = scanned
    vacuous = []
    for case in CASES:
        checks = _checks(before, paths[case.id])
        resource = case.meta.get("checkov_resource", case.meta["resource"])
        vacuous += [f"{case.id}:{r}" for r in _checkov_rules(case) if checks.get((resource, r)) != "FAILED"]
    assert vacuous == []
