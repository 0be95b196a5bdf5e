"""The default pre-merge checker: files parse, the target rules pass, nothing regresses.

checkov runs only on the changed files, once on the base and once on the head snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.lifecycle.context import CheckOutcome, CheckRequest
from bot.sourcetext import SourceEncodingError, read_source

Key = tuple[str, str, str]  # file, resource, check id


def parse_problem(path: Path) -> str | None:
    """Why a changed file does not parse (None: it parses)."""
    if not path.is_file():
        return None  # deleted by the change
    try:
        text = read_source(path, path.name).text  # a BOM or CRLF .tf parses like any other
    except SourceEncodingError as exc:
        return str(exc)
    if path.suffix == ".tf":
        from bot.hcledit import syntax_problem

        return syntax_problem(text)
    if path.suffix in (".yml", ".yaml"):
        from bot.yamlsafe import load_yaml_all

        try:
            load_yaml_all(text, path.name)
        except Exception as exc:
            return str(exc)
    return None


def _keys(results: Iterable[Any]) -> set[Key]:
    return {(str(r.file).lstrip("/"), str(r.resource or ""), str(r.check_id)) for r in results}


def _run(root: Path, files: list[str]) -> tuple[set[Key], set[Key]]:
    """One checkov process over `files` (relative to `root`): (passed, failed) keys."""
    from bot.ingest.checkov_runner import run_checkov

    present = [f for f in files if (root / f).is_file()]
    if not present:
        return set(), set()
    run = run_checkov(root, files=present, quiet=False)
    return _keys(run.passed), _keys(run.failed)


def _split(keys: set[Key], prefix: str) -> set[Key]:
    return {(f[len(prefix):], r, c) for f, r, c in keys if f.startswith(prefix)}


def _with_module_files(snapshot: Path, files: Iterable[str]) -> list[str]:
    """The changed files plus the other `.tf` files of their directories: a fix at a variable's
    default or a local changes no line of the resource, which checkov must still see with it."""
    out = dict.fromkeys(files)
    for f in list(out):
        if f.endswith(".tf"):
            folder = (snapshot / f).parent
            siblings = sorted(folder.glob("*.tf")) if folder.is_dir() else []
            out.update(dict.fromkeys(
                p.relative_to(snapshot).as_posix() for p in siblings if p.is_file() and not p.is_symlink()))
    return list(out)


def checkov_checker(req: CheckRequest) -> CheckOutcome:
    head, base = Path(req.head_dir), Path(req.base_dir)
    broken = [f"{f}: {p}" for f in req.files if (p := parse_problem(head / f))]
    if broken:
        return CheckOutcome(ok=False, summary="changed files do not parse", details=tuple(broken))
    root = head.parent  # base and head snapshots are siblings: one checkov run covers both
    files = [f"{d.name}/{f}" for d in (base, head) for f in _with_module_files(d, req.files)]
    passed, failed = _run(root, files)
    passed_before, failed_after = _split(passed, f"{base.name}/"), _split(failed, f"{head.name}/")
    targeted = {k for k in failed_after if k[2] in req.rules and k[1] == req.resource}
    target = sorted(f"{c} on {r} ({f})" for f, r, c in targeted)
    new_files = {f for f in req.files if not (base / f).is_file()}  # compared against "no findings"
    regressed = sorted(
        f"{c} on {r} ({f})" for f, r, c in failed_after
        if ((f, r, c) in passed_before or f in new_files) and c not in req.allowed_regressions
    )
    details = tuple([f"still failing: {t}" for t in target] + [f"now failing: {t}" for t in regressed])
    if details:
        return CheckOutcome(ok=False, summary="checkov: " + "; ".join(details[:3]), details=details)
    rules = ", ".join(req.rules) or "none"
    return CheckOutcome(ok=True, summary=f"checkov on {len(req.files)} file(s): {rules} pass, no regression")
