"""IAM policies granting every action (`"*"`) → the explicit action list a human supplies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tree_sitter import Node

from bot.hcledit import EditRefused, locate, replace_value, string_list
from bot.hcledit.parse import node_text, parse, syntax_problem
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, param

ACTION = re.compile(r"[a-zA-Z0-9-]+:[A-Za-z0-9*]+")
WILDCARD = re.compile(r'"\*"')
POLICY_TYPES = ("aws_iam_policy", "aws_iam_role_policy", "aws_iam_group_policy", "aws_iam_user_policy")


def allowed_actions(ctx: RewriteContext) -> list[str]:
    actions = [a.strip() for a in param(ctx, "allowed_actions").split(",") if a.strip()]
    bad = [a for a in actions if not ACTION.fullmatch(a) or a.endswith(":*")]
    if not actions or bad:
        raise EditRefused(f"parameter allowed_actions must list service:Action names, got {bad or actions}")
    return actions


def _key(data: bytes, elem: Node) -> str:
    return node_text(data, elem.children[0]).strip().strip('"')


def _elems(node: Node) -> Iterator[Node]:
    if node.type == "object_elem":
        yield node
    for child in node.children:
        yield from _elems(child)


def _wildcard_actions(data: bytes, policy: Node) -> list[Node]:
    """Value nodes of `Action = "*"` / `Action = [.., "*", ..]` in Allow statements of a jsonencode()."""
    found = []
    for elem in _elems(policy):
        if _key(data, elem) != "Action" or not WILDCARD.search(node_text(data, elem.children[-1])):
            continue
        siblings = (
            {_key(data, e): node_text(data, e.children[-1]) for e in elem.parent.children if e.type == "object_elem"}
            if elem.parent
            else {}
        )
        if siblings.get("Effect", '"Allow"').strip() == '"Allow"':
            found.append(elem.children[-1])
    return found


def _policy_attr(data: bytes, ctx: RewriteContext) -> Node:
    block = locate(data.decode("utf-8"), address(ctx))
    attr = block.attr("policy")
    if attr is None or attr.heredoc or not attr.value.lstrip().startswith("jsonencode("):
        source = attr.value.strip() if attr is not None and not attr.heredoc else "a heredoc or string"
        if source.startswith("data.aws_iam_policy_document."):
            raise EditRefused(f"the policy comes from {source.removesuffix('.json')}; fix that document instead")
        raise EditRefused(f"the policy is {source[:40]!r}, not jsonencode(); edit it by hand")
    node = parse(data).root_node.descendant_for_byte_range(attr.value_start, attr.value_end)
    assert node is not None
    return node


def _fix_json_policy(ctx: RewriteContext, text: str) -> str:
    new = string_list(allowed_actions(ctx))
    data = text.encode("utf-8")
    for node in sorted(_wildcard_actions(data, _policy_attr(data, ctx)), key=lambda n: -n.start_byte):
        data = data[: node.start_byte] + new.encode("utf-8") + data[node.end_byte :]
    out = data.decode("utf-8")
    problem = syntax_problem(out)
    if problem is not None:
        raise EditRefused(f"the edit would not parse ({problem}); left untouched")
    return out


def _fix_document(ctx: RewriteContext, text: str) -> str:
    new = string_list(allowed_actions(ctx))
    addr = address(ctx)
    statements = locate(text, addr).children("statement")
    for index in range(len(statements)):
        stmt = locate(text, addr).children("statement")[index]
        actions, effect = stmt.attr("actions"), stmt.attr("effect")
        if actions is None or not WILDCARD.search(actions.value):
            continue
        if effect is not None and effect.value.strip() != '"Allow"':
            continue
        text = replace_value(text, actions, new)
    return text


def _edit(ctx: RewriteContext, text: str) -> str:
    if ctx.resource.type == "aws_iam_policy_document":
        return _fix_document(ctx, text)
    return _fix_json_policy(ctx, text)


REWRITER = Rewriter(
    id="iam_restrict_wildcard",
    iac=TF,
    rule_ids=("CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_1", "CKV_AWS_49", "AVD-AWS-0057", "aws-iam-no-policy-wildcards"),
    action="restrict_iam_wildcard",
    title="Replace wildcard IAM actions with an explicit list",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the policy grants every action again (in place).",
    verification=Verification(
        rules=("CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_1", "CKV_AWS_49"), provider_check="iam_no_wildcard_actions"
    ),
    review_guidance="The principal loses every action not in allowed_actions. Derive the list from "
    "CloudTrail / IAM Access Analyzer policy generation for this role, not from guesswork; test in a "
    "non-production account first. Wildcard resources are not changed by this fix.",
    references=(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(name="allowed_actions", description="comma-separated IAM actions, e.g. s3:GetObject,s3:PutObject"),
    ),
    resource_types=(*POLICY_TYPES, "aws_iam_policy_document"),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
