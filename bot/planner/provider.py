"""The AWS provider major version of the module directory holding a resource."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from bot.inventory import aws_provider_major
from bot.models.resource import Resource


def provider_major(root: Path, res: Resource) -> int | None:
    return aws_provider_major(root, str(PurePosixPath(res.file).parent))
