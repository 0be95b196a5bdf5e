"""Command line of the benchmark: `python -m tests.bench [--sizes 2000,8000] [--shapes small,big] [--keep DIR]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.errors import FixbotError
from tests.bench.run import run_bench
from tests.bench.synth import SHAPES

DEFAULT_SIZES = (2000, 8000)
DEFAULT_SHAPES = SHAPES  # small files, and files of ~175 resources plus multi-app manifests


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes: expected comma-separated integers, got {text!r}") from None
    if not sizes or any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError("--sizes: every size must be a positive integer")
    return sizes


def _shapes(text: str) -> list[str]:
    shapes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [s for s in shapes if s not in SHAPES]
    if not shapes or unknown:
        raise argparse.ArgumentTypeError(f"--shapes: expected some of {', '.join(SHAPES)}, got {text!r}")
    return shapes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="resources per repo, e.g. 2000,8000")
    parser.add_argument("--shapes", type=_shapes, default=list(DEFAULT_SHAPES), help="repository shapes: small,big")
    parser.add_argument("--keep", type=Path, help="write the synthetic repos here instead of a temporary directory")
    parser.add_argument("--verify-fixes", type=int, default=200, metavar="N",
                        help="verification cost on N merged fixes against moto (0: skip)")
    args = parser.parse_args(argv)
    try:
        run_bench(args.sizes, keep=args.keep, shapes=args.shapes)
        if args.verify_fixes > 0:
            from tests.bench.verify import run_verify_bench

            run_verify_bench(args.verify_fixes)
    except FixbotError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
