"""boto3 access for the checks: the standard credential chain, botocore retries and paginators.

Credentials come from boto3's own chain (environment, shared profile, SSO, container or
instance role); `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` are honoured by botocore
itself, and an explicit `endpoint_url` overrides them (tests point it at moto's server).
Retries use botocore's `standard` mode; list operations go through botocore paginators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import boto3
import botocore.exceptions
from botocore import xform_name
from botocore.config import Config

from bot.models.resource import Resource

RETRIES = Config(retries={"mode": "standard", "max_attempts": 5}, connect_timeout=5, read_timeout=20)
DEFAULT_REGION = "us-east-1"


class NoCredentials(Exception):
    """The standard chain found no AWS credentials."""


class ApiError(Exception):
    """An AWS error response: `code` is the service's error code (`NoSuchBucket`)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass
class AwsContext:
    """The boto3 session and a client per service, shared by every check of one verification run."""

    session: boto3.session.Session
    endpoint_url: str | None = None
    config: Config = RETRIES
    resolve: Callable[[Resource], str | None] = lambda res: None  # the live id of a block (ids.LiveIds)
    _clients: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_environment(cls, profile: str | None = None, region: str | None = None,
                         endpoint_url: str | None = None) -> AwsContext:
        session = boto3.session.Session(profile_name=profile, region_name=region)
        if session.region_name is None:
            session = boto3.session.Session(profile_name=profile, region_name=DEFAULT_REGION)
        return cls(session=session, endpoint_url=endpoint_url)

    def live_id(self, res: Resource) -> str | None:
        return self.resolve(res)

    def has_credentials(self) -> bool:
        try:
            return self.session.get_credentials() is not None
        except (botocore.exceptions.BotoCoreError, ValueError):  # a misconfigured chain: no usable credentials
            return False

    def client(self, service: str) -> Any:
        if service not in self._clients:
            kwargs: dict[str, Any] = {"config": self.config}
            if self.endpoint_url:
                kwargs["endpoint_url"] = self.endpoint_url
            self._clients[service] = self.session.client(service, **kwargs)
        return self._clients[service]

    def call(self, service: str, operation: str, **params: Any) -> dict[str, Any]:
        """One read-only API operation (`GetBucketVersioning`), all pages merged when it paginates."""
        client = self.client(service)
        method = xform_name(operation)
        try:
            if client.can_paginate(method):
                result: dict[str, Any] = client.get_paginator(method).paginate(**params).build_full_result()
                return result
            response: dict[str, Any] = getattr(client, method)(**params)
            return response
        except botocore.exceptions.NoCredentialsError as exc:
            raise NoCredentials(str(exc)) from exc
        except botocore.exceptions.ClientError as exc:
            err = exc.response.get("Error", {})
            raise ApiError(str(err.get("Code", "Unknown")), str(err.get("Message", ""))[:200]) from exc
