"""Branch names and the machine-readable marker fixbot keeps in its PR bodies.

One PR per resource: the key is the resource address. The branch is
`fixbot/<action>/<short-id>` with `short-id` a hash of the address, so untrusted text never
reaches a ref name. The marker is an HTML comment holding JSON whose `<`, `>` and `-` are
escaped, so nothing in it can close the comment or inject markup.
"""

from __future__ import annotations

import hashlib
import json
import re

from pydantic import ValidationError

from bot.models.common import Frozen

MARKER_PREFIX = "<!-- fixbot-meta "
MARKER_RE = re.compile(r"<!-- fixbot-meta (\{.*?\}) -->")
BRANCH_PREFIX = "fixbot/"
_SAFE = re.compile(r"[^a-z0-9_]+")


class PrMeta(Frozen):
    """What fixbot needs to find its own PRs again (forge-agnostic: lives in the PR body)."""

    v: int = 1
    kind: str = "fix"  # fix | revert
    resource: str
    action: str
    finding_ids: tuple[str, ...]
    rules: tuple[str, ...] = ()
    plan_hash: str = ""
    base_sha: str = ""  # the default-branch commit the change was built on
    reverts_pr: int | None = None
    merge_sha: str | None = None  # for revert PRs: the merge being reverted


def short_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:10]


def slug(action: str) -> str:
    return _SAFE.sub("_", action.lower()).strip("_")[:40] or "fix"


def fix_branch(action: str, resource: str) -> str:
    return f"{BRANCH_PREFIX}{slug(action)}/{short_id(resource)}"


def revert_branch(merge_sha: str) -> str:
    return f"{BRANCH_PREFIX}revert/{merge_sha[:10]}"


def encode_meta(meta: PrMeta) -> str:
    text = json.dumps(meta.model_dump(mode="json"), sort_keys=True, ensure_ascii=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("-", "\\u002d")
    return f"{MARKER_PREFIX}{text} -->"


def decode_meta(body: str) -> PrMeta | None:
    """The marker of a PR body, or None for a PR fixbot did not open (or a damaged marker)."""
    found = MARKER_RE.findall(body or "")
    if not found:
        return None
    try:
        return PrMeta.model_validate(json.loads(found[-1]))
    except (ValueError, ValidationError):
        return None


def plan_hash(files: dict[str, str | None]) -> str:
    """Identity of a change: the new content of each file it touches."""
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.encode() + b"\x00" + (files[path] or "\x01deleted").encode() + b"\x00")
    return h.hexdigest()[:16]
