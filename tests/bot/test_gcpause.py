"""Cyclic GC is paused only while a stage runs, and left as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot.gcpause import gc_paused, paused_gc


@pytest.fixture
def gc_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@gc_paused
def _state(fail: bool = False) -> bool:
    if fail:
        raise ValueError("boom")
    return gc.isenabled()


def test_paused_inside_and_enabled_again_after(gc_enabled: None) -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_enabled_again_after_an_error(gc_enabled: None) -> None:
    with pytest.raises(ValueError):
        _state(fail=True)
    assert gc.isenabled()


def test_a_caller_that_disabled_gc_keeps_it_disabled(gc_enabled: None) -> None:
    gc.disable()
    try:
        with paused_gc():
            assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()
