"""What the version-upgrade rewriters share (not a rewriter itself): the target version per
package from the findings' `upgrade` (OSV), written in the style of the current pin."""

from __future__ import annotations

from bot.versions import is_version, version_key
from rewriters.base import RewriteContext

NO_FIX = "no advisory names a fixed version; choose the upgrade by hand"


def targets(ctx: RewriteContext) -> dict[str, str]:
    """Lower-cased package → the highest `fixed` version any finding on the resource asks for."""
    out: dict[str, str] = {}
    for f in ctx.findings:
        up = f.upgrade
        if up is None or not up.fixed or not is_version(up.fixed):
            continue
        key = up.package.lower()
        if key not in out or version_key(up.fixed) > version_key(out[key]):
            out[key] = up.fixed
    return out


def styled(target: str, current: str) -> str:
    """`target` with the current pin's `v` prefix convention (`v3.19.0` next to `v3.14.0`)."""
    bare = target.removeprefix("v")
    return f"v{bare}" if current.startswith("v") else bare


def needs_upgrade(current: str, target: str) -> bool:
    return is_version(current) and version_key(current) < version_key(target)
