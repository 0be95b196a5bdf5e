"""Cyclic garbage collection paused around allocation-heavy scan work.

A scan holds a large heap (checkov's JSON, the inventory's attribute trees) while each
stage allocates hundreds of thousands of objects. Every full collection walks the whole
heap (~0.2 s at 5,000 resources), and allocation bursts trigger several per stage. The
stages create almost no reference cycles (reference counting frees their garbage), so
collection is paused while they run. On resuming, what the burst left alive (the stage's
results, long-lived by nature) joins the oldest generation directly — the documented
`gc.freeze()` + `gc.unfreeze()` pair, two list splices — instead of being swept as young
objects by the next allocation; the next full collection still examines it. Whoever
paused collection resumes it, and a caller that had it off keeps it off.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def _resume() -> None:
    if gc.get_freeze_count() == 0:  # never thaw what someone else froze on purpose
        gc.freeze()
        gc.unfreeze()
    gc.enable()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic GC off for the block (reference counting still frees memory), then as it was."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _resume()


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of `paused_gc` (cheap enough for per-finding functions)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            _resume()

    return wrapper
