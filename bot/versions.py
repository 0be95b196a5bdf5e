"""Version strings as OSV ranges and pins use them: strict parsing, ordering, range membership.

Only plain release-style versions are understood (`1.2.3`, `v5.31.0`, `2.0.0-rc.1`, `15.4`);
anything else (`latest`, `~> 5.0`, a digest) is not a pin and is never compared. A version
that passes `is_version` is also safe to write back into a file (no quotes, no spaces).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

VERSION = re.compile(r"^v?(?P<nums>\d+(?:\.\d+){0,3})(?:-(?P<pre>[0-9A-Za-z.-]{1,40}))?(?:\+[0-9A-Za-z.-]{1,40})?$")
Key = tuple[tuple[int, ...], int, tuple[tuple[int, int | str], ...]]


def is_version(text: object) -> bool:
    return isinstance(text, str) and len(text) <= 64 and VERSION.match(text) is not None


def version_key(text: str) -> Key:
    """Sort key: numeric parts (padded), then release after any pre-release (semver order)."""
    found = VERSION.match(text)
    if found is None:
        raise ValueError(f"not a version: {text[:40]!r}")
    nums = tuple(int(n) for n in found["nums"].split("."))
    nums = nums + (0,) * (4 - len(nums))
    pre = found["pre"]
    if pre is None:
        return nums, 1, ()
    parts = tuple((0, int(p)) if p.isdigit() else (1, p) for p in pre.split("."))
    return nums, 0, parts


def _events(rng: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = []
    for event in rng.get("events") or []:
        if isinstance(event, Mapping):
            out += [(k, str(v)) for k, v in event.items() if k in ("introduced", "fixed", "last_affected", "limit")]
    return out


def _in_range(key: Key, events: Sequence[tuple[str, str]]) -> bool:
    """OSV's algorithm: walk the sorted events; affected after `introduced`, until `fixed`/past `last_affected`."""
    def order(ev: tuple[str, str]) -> Key:
        return version_key("0") if ev[1] == "0" else version_key(ev[1])

    affected = False
    for kind, value in sorted((e for e in events if e[1] == "0" or is_version(e[1])), key=order):
        at = order((kind, value))
        if kind == "introduced" and key >= at:
            affected = True
        elif (kind == "fixed" and key >= at) or (kind == "last_affected" and key > at):
            affected = False
    limits = [version_key(v) for k, v in events if k == "limit" and is_version(v)]
    return affected and all(key < lim for lim in limits)


def affected(version: str, ranges: Iterable[Mapping[str, Any]], versions: Iterable[str] = ()) -> bool:
    """Whether `version` is affected by an OSV `affected[]` entry (SEMVER/ECOSYSTEM ranges, `versions`)."""
    if not is_version(version):
        return False
    key = version_key(version)
    if any(is_version(v) and version_key(v) == key for v in versions):
        return True
    return any(_in_range(key, _events(r)) for r in ranges if str(r.get("type", "")).upper() != "GIT")


def first_fix(version: str, ranges: Iterable[Mapping[str, Any]]) -> str | None:
    """The lowest `fixed` version above `version` in these ranges, if the advisory names one."""
    key = version_key(version)
    fixes = [v for r in ranges for k, v in _events(r) if k == "fixed" and is_version(v) and version_key(v) > key]
    return min(fixes, key=version_key) if fixes else None
