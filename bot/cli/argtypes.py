"""Argument types that refuse what would silently disable a gate (`nan`, `inf`, out of range).

argparse turns their `ArgumentTypeError` into a usage error (exit 2) naming the option.
"""

from __future__ import annotations

import argparse
import math


def _finite(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def unit_interval(text: str) -> float:
    """A risk threshold: a finite number from 0 to 1."""
    value = _finite(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is outside 0..1 (risk scores are between 0 and 1)")
    return value


def seconds(text: str) -> float:
    """A wait in seconds: finite and not negative."""
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value
