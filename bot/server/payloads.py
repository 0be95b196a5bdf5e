"""The webhook payload fields the server reads, as pydantic models checked at the edge.

Unknown fields are ignored (GitHub adds fields all the time); a field a handler relies on that is
missing or of the wrong type is a 400 naming it, before anything is queued. Handlers still read
the raw mapping: these models only guarantee its shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class User(_In):
    login: str = Field(max_length=100)


class Installation(_In):
    id: int


class Repository(_In):
    full_name: str = Field(pattern=r"^[^/\s]+/[^/\s]+$", max_length=200)
    id: int | None = None
    default_branch: str | None = None


class Envelope(_In):
    """What every routed delivery carries."""

    action: str | None = None
    sender: User | None = None
    installation: Installation | None = None


class RepoEvent(Envelope):
    repository: Repository


class Issue(_In):
    number: int


class Comment(_In):
    id: int
    body: str | None = None
    user: User


class CommentEvent(RepoEvent):
    issue: Issue
    comment: Comment


class IssueEvent(RepoEvent):
    issue: Issue


class PullRef(_In):
    number: int


class PullEvent(RepoEvent):
    pull_request: PullRef


class Review(_In):
    state: str | None = None


class ReviewEvent(PullEvent):
    review: Review


MODELS: dict[str, type[Envelope]] = {
    "installation": Envelope,
    "installation_repositories": Envelope,
    "push": RepoEvent,
    "code_scanning_alert": RepoEvent,
    "check_suite": RepoEvent,
    "check_run": RepoEvent,
    "status": RepoEvent,
    "pull_request_review": ReviewEvent,
    "pull_request": PullEvent,
    "issue_comment": CommentEvent,
    "issues": IssueEvent,
    "workflow_run": RepoEvent,
    "deployment_status": RepoEvent,
}


def payload_problem(event: str, payload: Mapping[str, Any]) -> str | None:
    """Why this delivery cannot be handled ("repository.full_name: Field required"), or None."""
    model = MODELS.get(event, Envelope)
    try:
        model.model_validate(payload)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "payload"
        return f"{where}: {err['msg']}"
    return None
