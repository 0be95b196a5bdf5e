"""The fix catalogue: an explicit registry of every rewriter.

Adding a rewriter means importing it in `rewriters/terraform/__init__.py` or
`rewriters/kubernetes/__init__.py`. A duplicate id, or a rule id handled by two rewriters,
raises at import time so the catalogue can never be ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable

from rewriters.base import Rewriter
from rewriters.kubernetes import KUBERNETES
from rewriters.terraform import TERRAFORM
from rewriters.terraform.generated import variants


class CatalogueError(ValueError):
    """The registry is inconsistent (a programming error, caught by import and meta-tests)."""


def checked(rewriters: Iterable[Rewriter]) -> tuple[Rewriter, ...]:
    """The rewriters unchanged, or CatalogueError naming the duplicate id / rule."""
    ids: set[str] = set()
    rules: dict[str, str] = {}
    out = tuple(rewriters)
    for rw in out:
        if rw.id in ids:
            raise CatalogueError(f"duplicate rewriter id {rw.id!r}")
        ids.add(rw.id)
        for rule in rw.rule_ids:
            key = rule.upper()
            if key in rules and rules[key] != rw.id:
                raise CatalogueError(f"rule {rule!r} handled by both {rules[key]!r} and {rw.id!r}")
            rules[key] = rw.id
    return out


CATALOGUE: tuple[Rewriter, ...] = checked((*TERRAFORM, *KUBERNETES))
# the generated-value variants (own id and action, same rules): found by id, never by rule
VARIANTS: tuple[Rewriter, ...] = variants(CATALOGUE)

__all__ = ["CATALOGUE", "VARIANTS", "CatalogueError", "Rewriter", "checked"]
