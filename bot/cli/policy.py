"""`fixbot policy test [DIR]` and `fixbot policy eval --input FILE`: the Rego pack as code."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.errors import EXIT_OK, EXIT_THRESHOLD, InputError
from bot.policy import PolicyInput, load_engine
from bot.policy.sources import pack_dir
from bot.policy.testing import TestResult, load_test_modules, run_tests

RULE = "-" * 80


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="policy_command", metavar="SUBCOMMAND", required=True)
    test = sub.add_parser("test", help="run every test_* rule of the *_test.rego files (like `opa test`)")
    test.add_argument("dir", nargs="?", type=Path, help="policy directory (default: the built-in pack)")
    test.add_argument("-v", "--verbose", action="store_true", help="print passing tests too")
    ev = sub.add_parser("eval", help="print the decisions for a JSON policy input (debugging)")
    ev.add_argument("--input", required=True, type=Path, help="JSON: {'items': [...]}, a list, or one item")
    ev.add_argument("--policies", type=Path, help="policy pack directory (default: the built-in pack)")
    ev.add_argument("--repo", type=Path, help="also apply this repository's .fixbot/policies (default branch)")


def run(args: argparse.Namespace) -> int:
    if args.policy_command == "test":
        return _test(args.dir or pack_dir(), verbose=args.verbose)
    return _eval(args.input, args.policies, args.repo)


def _test(directory: Path, *, verbose: bool) -> int:
    results = run_tests(load_test_modules(directory))
    if not results:
        print(f"no test_* rules found in {directory}/*_test.rego")
        return EXIT_THRESHOLD
    for r in results:
        if verbose or not r.passed:
            print(_line(r))
    failed = sum(not r.passed for r in results)
    print(RULE)
    print(f"PASS: {len(results) - failed}/{len(results)}")
    if failed:
        print(f"FAIL: {failed}/{len(results)}")
    return EXIT_THRESHOLD if failed else EXIT_OK


def _line(r: TestResult) -> str:
    status = "PASS" if r.passed else f"FAIL ({r.detail})"
    return f"{r.case.file}: {r.case.ref}: {status}"


def _eval(path: Path, policies: Path | None, repo: Path | None) -> int:
    items = read_inputs(path)
    engine = load_engine(repo, pack=policies)
    decisions = engine.evaluate(items)
    out = {"policy_version": engine.version, "decisions": [d.model_dump(mode="json") for d in decisions]}
    print(json.dumps(out, indent=2))
    return EXIT_OK


def read_inputs(path: Path) -> list[PolicyInput]:
    """PolicyInputs from a JSON file; a bad file names the file and the offending field."""
    try:
        data: Any = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    except RecursionError as exc:
        raise InputError(f"{path}: JSON nested too deeply; refusing") from exc
    except ValueError as exc:  # not UTF-8, not JSON, an integer of more than 4,300 digits
        raise InputError(f"{path}: not JSON: {str(exc)[:200]}") from exc
    raw = data.get("items") if isinstance(data, dict) and "items" in data else data
    raw = raw if isinstance(raw, list) else [raw]
    items = []
    for n, item in enumerate(raw):
        try:
            items.append(PolicyInput.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "(item)"
            raise InputError(f"{path}: item {n}: {where}: {err['msg']}") from exc
    return items
