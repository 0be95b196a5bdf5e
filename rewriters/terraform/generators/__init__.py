"""Generators of safe values, registered explicitly by name (see `Param.generator`)."""

from __future__ import annotations

from types import MappingProxyType

from rewriters.terraform.generators.access_log_bucket import ACCESS_LOG_BUCKET
from rewriters.terraform.generators.base import Generator
from rewriters.terraform.generators.flow_log_group import FLOW_LOG_GROUP
from rewriters.terraform.generators.kms_key import KMS_KEY

GENERATORS: MappingProxyType[str, Generator] = MappingProxyType(
    {g.name: g for g in (KMS_KEY, ACCESS_LOG_BUCKET, FLOW_LOG_GROUP)}
)

__all__ = ["GENERATORS", "Generator"]
