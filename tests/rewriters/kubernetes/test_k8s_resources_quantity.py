"""Kubernetes quantities compare correctly, so new requests/limits never cross existing ones."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rewriters.kubernetes._resources import quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [("100m", "0.1"), ("2", "2"), (0.5, "0.5"), ("128Mi", str(128 * 2**20)), ("1G", "1000000000"), ("1e3", "1000")],
)
def test_quantities_parse(text: object, value: str) -> None:
    assert quantity(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "lots", "1.5.2", "-1", "10 Mi", None])
def test_non_quantities_are_rejected(text: object) -> None:
    assert quantity(text) is None


def test_binary_and_decimal_suffixes_order() -> None:
    assert quantity("1Gi") > quantity("1G") > quantity("512Mi")  # type: ignore[operator]
