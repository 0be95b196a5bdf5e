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


def _star_resources(doc: dict[str, Any]) -> list[str]:
    return [f"{st.get('Sid') or f'statement {i}'}: Resource '*'"
            for i, st in enumerate(_as_list(doc.get("Statement") or []))
            if isinstance(st, dict) and st.get("Effect") == "Allow" and "*" in _as_list(st.get("Resource") or [])]


Finder = Callable[[dict[str, Any]], list[str]]
FINDERS: dict[str, tuple[Finder, str, str]] = {  # check -> (finder, failure, evidence key)
    "iam_no_wildcard_actions": (_wildcards, "an Allow statement grants every action", "wildcard_statements"),
    "iam_policy_resources_scoped": (_star_resources, "an Allow statement applies to every resource",
                                    "unscoped_statements"),
}


def _judge(doc: dict[str, Any], check: str = "iam_no_wildcard_actions") -> Outcome:
    finder, message, key = FINDERS[check]
    found = finder(doc)
    statements = len(_as_list(doc.get("Statement") or []))
    return failed(message, **{key: found}) if found else verified(**{key: [], "statements": statements})


def _policy_arn(ctx: AwsContext, live_id: str) -> str:
    if live_id.startswith("arn:"):
        return live_id
    for policy in ctx.call("iam", "ListPolicies", Scope="Local").get("Policies") or []:
        if policy.get("PolicyName") == live_id:
            return str(policy["Arn"])
    raise ApiError("NoSuchEntity", f"no customer managed policy named {live_id}")


def _managed(check: str) -> Callable[[AwsContext, str], Outcome]:
    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        arn = _policy_arn(ctx, live_id)
        version = ctx.call("iam", "GetPolicy", PolicyArn=arn)["Policy"]["DefaultVersionId"]
        raw = ctx.call("iam", "GetPolicyVersion", PolicyArn=arn, VersionId=version)["PolicyVersion"]["Document"]
        return _judge(_document(raw), check)

    return fn


def _inline(kind: str, check: str) -> tuple[Call, Callable[[AwsContext, str], Outcome]]:
    operation = f"Get{kind}Policy"

    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        owner, _, name = live_id.partition(":")
        raw = ctx.call("iam", operation, **{f"{kind}Name": owner, "PolicyName": name})["PolicyDocument"]
        return _judge(_document(raw), check)

    return Call("iam", operation), fn


def _inline_check(kind: str, check: str) -> Registration[Any]:
    call, fn = _inline(kind, check)
    return custom(check, (f"aws_iam_{kind.lower()}_policy",), (call,), fn, IAM_NF)


CHECKS: tuple[Registration[Any], ...] = tuple(
    reg for check in FINDERS for reg in (
        custom(check, ("aws_iam_policy",), (LIST, GET, VERSION), _managed(check), IAM_NF),
        *(_inline_check(kind, check) for kind in ("Role", "Group", "User"))))
