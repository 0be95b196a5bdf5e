"""IAM: no Allow statement grants every action (`"*"`) in the live policy document."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from bot.provider.aws.declarative import Call, custom
from bot.provider.aws.session import ApiError, AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

LIST = Call("iam", "ListPolicies")
GET = Call("iam", "GetPolicy")
VERSION = Call("iam", "GetPolicyVersion")
IAM_NF = ("NoSuchEntity",)


def _document(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        raw = json.loads(unquote(raw))
    return raw if isinstance(raw, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _wildcards(doc: dict[str, Any]) -> list[str]:
    out = []
    for i, st in enumerate(_as_list(doc.get("Statement") or [])):
        if isinstance(st, dict) and st.get("Effect") == "Allow":
            stars = [a for a in _as_list(st.get("Action") or []) if a in ("*", "*:*")]
            out += [f"{st.get('Sid') or f'statement {i}'}: Action {a!r}" for a in stars]
    return out


def _judge(doc: dict[str, Any]) -> Outcome:
    found = _wildcards(doc)
    statements = len(_as_list(doc.get("Statement") or []))
    if found:
        return failed("an Allow statement grants every action", wildcard_statements=found)
    return verified(wildcard_statements=[], statements=statements)


def _policy_arn(ctx: AwsContext, live_id: str) -> str:
    if live_id.startswith("arn:"):
        return live_id
    for policy in ctx.call("iam", "ListPolicies", Scope="Local").get("Policies") or []:
        if policy.get("PolicyName") == live_id:
            return str(policy["Arn"])
    raise ApiError("NoSuchEntity", f"no customer managed policy named {live_id}")


def _managed(ctx: AwsContext, live_id: str) -> Outcome:
    arn = _policy_arn(ctx, live_id)
    version = ctx.call("iam", "GetPolicy", PolicyArn=arn)["Policy"]["DefaultVersionId"]
    raw = ctx.call("iam", "GetPolicyVersion", PolicyArn=arn, VersionId=version)["PolicyVersion"]["Document"]
    return _judge(_document(raw))


def _inline(kind: str) -> tuple[Call, Callable[[AwsContext, str], Outcome]]:
    operation = f"Get{kind}Policy"

    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        owner, _, name = live_id.partition(":")
        raw = ctx.call("iam", operation, **{f"{kind}Name": owner, "PolicyName": name})["PolicyDocument"]
        return _judge(_document(raw))

    return Call("iam", operation), fn


def _inline_check(kind: str) -> Registration[Any]:
    call, fn = _inline(kind)
    return custom("iam_no_wildcard_actions", (f"aws_iam_{kind.lower()}_policy",), (call,), fn, IAM_NF)


CHECKS: tuple[Registration[Any], ...] = (
    custom("iam_no_wildcard_actions", ("aws_iam_policy",), (LIST, GET, VERSION), _managed, IAM_NF),
    _inline_check("Role"),
    _inline_check("Group"),
    _inline_check("User"),
)
