"""Declarative AWS checks: one read-only API call, a JMESPath into its answer, an expected value.

Adding a check for a new rewriter is usually one entry:

    attr("ecr_scan_on_push", ("aws_ecr_repository",),
         Call("ecr", "DescribeRepositories", lambda i: {"repositoryNames": [i]}),
         "repositories[0].imageScanningConfiguration.scanOnPush", TRUE,
         not_found=("RepositoryNotFoundException",))

`Call` names the IAM action it needs (`service:Operation`, or `action=` where IAM spells it
differently); the catalogue collects them into the shipped least-privilege policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jmespath

from bot.models.resource import Resource
from bot.provider.aws.session import ApiError, AwsContext, NoCredentials
from bot.provider.registry import Registration
from bot.provider.result import Outcome, Why, failed, unverifiable, verified

# the IAM prefix of a boto3 service name, where it differs
IAM_PREFIX = {"efs": "elasticfilesystem", "elbv2": "elasticloadbalancing", "elb": "elasticloadbalancing",
              "opensearch": "es", "stepfunctions": "states"}


@dataclass(frozen=True)
class Call:
    service: str  # boto3 service name
    operation: str  # API operation, PascalCase (`GetBucketVersioning`)
    params: Callable[[str], dict[str, Any]] = lambda live_id: {}
    action: str = ""  # IAM action when it is not `<prefix>:<operation>`

    @property
    def iam_action(self) -> str:
        return self.action or f"{IAM_PREFIX.get(self.service, self.service)}:{self.operation}"

    def run(self, ctx: AwsContext, live_id: str) -> dict[str, Any]:
        return ctx.call(self.service, self.operation, **self.params(live_id))


@dataclass(frozen=True)
class Expect:
    text: str  # what the fix wants, shown when it fails
    test: Callable[[Any], bool]


TRUE = Expect("true", lambda v: v is True)
FALSE = Expect("false", lambda v: v is False)
SET = Expect("set", lambda v: v not in (None, "", [], {}))


def eq(want: Any) -> Expect:
    return Expect(repr(want), lambda v: v == want)


def one_of(*wants: Any) -> Expect:
    return Expect(" or ".join(map(repr, wants)), lambda v: v in wants)


def at_least(n: int) -> Expect:
    return Expect(f">= {n}", lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v >= n)


@dataclass(frozen=True)
class AwsCheck:
    """`(ctx, resource) -> Outcome` with the API calls it may make declared for the IAM policy."""

    calls: tuple[Call, ...]
    fn: Callable[[AwsContext, str], Outcome]  # given the live id
    not_found: tuple[str, ...] = ()  # error codes meaning the live resource does not exist

    def __call__(self, ctx: AwsContext, res: Resource) -> Outcome:
        live_id = ctx.live_id(res)
        if live_id is None:
            return unverifiable(Why.no_live_id, f"no live id for {res.address}: no Terraform state entry "
                                                "(.fixbot/state.json) and no literal name")
        try:
            return self.fn(ctx, live_id)
        except NoCredentials as exc:
            return unverifiable(Why.no_credentials, str(exc))
        except ApiError as exc:
            if exc.code in self.not_found:
                return unverifiable(Why.not_found, f"live resource {live_id} not found ({exc.code})")
            return unverifiable(Why.api_error, str(exc))


def attr_fn(call: Call, path: str, expect: Expect, absent: tuple[str, ...] = (), label: str = "",
            exists: str = "") -> Callable[[AwsContext, str], Outcome]:
    key = label or path.rsplit(".", 1)[-1]

    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        try:
            answer = call.run(ctx, live_id)
        except ApiError as exc:
            if exc.code not in absent:
                raise
            answer = {}  # the configuration is absent (e.g. no public access block at all)
        if exists and jmespath.search(exists, answer) in (None, []):
            return unverifiable(Why.not_found, f"live resource {live_id} not found ({call.operation} lists none)")
        value = jmespath.search(path, answer)
        if expect.test(value):
            return verified(**{key: value})
        return failed(f"{key} is {value!r}, want {expect.text}", **{key: value})

    return fn


def attr(name: str, types: tuple[str, ...], call: Call, path: str, expect: Expect, *,
         not_found: tuple[str, ...] = (), absent: tuple[str, ...] = (), label: str = "",
         exists: str = "") -> Registration[Any]:
    """One registered check: `call` for the live id, `path` (JMESPath) into the answer, `expect`.

    `not_found`: error codes meaning no such live resource (unverifiable); `absent`: error codes
    meaning the setting is not configured (the path reads null); `exists`: a JMESPath that is
    empty when a list/describe call found no such resource (unverifiable)."""
    check = AwsCheck((call,), attr_fn(call, path, expect, absent, label, exists), not_found)
    return Registration(name, types, check)


def custom(name: str, types: tuple[str, ...], calls: tuple[Call, ...], fn: Callable[[AwsContext, str], Outcome],
           not_found: tuple[str, ...] = ()) -> Registration[Any]:
    """A check needing more than one path (several calls, a policy document to parse)."""
    return Registration(name, types, AwsCheck(calls, fn, not_found))
