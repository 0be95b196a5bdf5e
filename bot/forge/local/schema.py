"""The shape forge.json must have before the local forge uses it.

A document that fails this check is damaged like a truncated one: the store recovers the
previous generation (`forge.json.bak`) or stops with a ForgeError naming the file.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.forge.base import CheckRun, Comment, PrState, Review


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class PrRecord(_Open):
    number: int
    title: str
    body: str
    head: str
    base: str
    head_sha: str
    state: PrState
    labels: list[str]
    requested_reviewers: list[str]
    merge_sha: str | None  # present, possibly null
    closed_by: str | None


class ForgeDocument(_Open):
    """Missing top-level keys are fine (an older document): the store fills them from the default."""

    next_pr: int = 1
    next_comment: int = 1
    prs: dict[str, PrRecord] = Field(default_factory=dict)
    reviews: dict[str, list[Review]] = Field(default_factory=dict)
    checks: dict[str, list[CheckRun]] = Field(default_factory=dict)
    comments: dict[str, list[Comment]] = Field(default_factory=dict)
    teams: dict[str, list[str]] = Field(default_factory=dict)
    default_branch: str | None = None


def check_forge_document(data: Any) -> str | None:
    """Why `data` is not a usable forge.json (None: it is)."""
    try:
        ForgeDocument.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
    except RecursionError:
        return "nested too deeply"
    return None
