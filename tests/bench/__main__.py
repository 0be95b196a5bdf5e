"""Command line of the benchmark: `python -m tests.bench [--sizes 200,5000] [--keep DIR]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import FixbotError
from tests.bench.run import run_bench

DEFAULT_SIZES = (200, 5000)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes: expected comma-separated integers, got {text!r}") from None
    if not sizes or any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("--sizes: every size must be a positive integer")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="resources per repo, e.g. 200,5000")
    parser.add_argument("--keep", type=Path, help="write the synthetic repos here instead of a temporary directory")
    parser.add_argument("--verify-fixes", type=int, default=200, metavar="N",
                        help="verification cost on N merged fixes against moto (0: skip)")
    args = parser.parse_args(argv)
    try:
        run_bench(args.sizes, keep=args.keep)
        if args.verify_fixes > 0:
            from tests.bench.verify import run_verify_bench

            run_verify_bench(args.verify_fixes)
    except FixbotError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
