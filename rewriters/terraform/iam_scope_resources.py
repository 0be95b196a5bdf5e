"""IAM statements allowing actions on `Resource = "*"` → the ARNs this module defines.

For each Allow statement whose resource is `"*"`, the actions' services (s3, sqs, dynamodb, ...)
are mapped to the resource types this module defines (`aws_s3_bucket`, `aws_sqs_queue`, ...),
and `"*"` becomes references to their ARNs. When a statement's services have no such resource
here (or it mixes in actions that cannot be scoped, like List*/Describe*), the ARNs must come
from a human: the `allowed_resources` parameter, applied to every wildcard statement.
Works on `jsonencode()` policies and on `aws_iam_policy_document` statements in the same file.
"""

from __future__ import annotations

import re

from bot.hcledit import EditRefused, locate, replace_value, top_blocks
from bot.hcledit.model import Block
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, hcl_value, param
from rewriters.terraform.iam_restrict_wildcard import POLICY_TYPES
from rewriters.terraform.iam_scope_jsonencode import wildcard_statements

ARN_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {  # service -> (resource type, ARN expressions)
    "s3": ("aws_s3_bucket", ("{r}.arn", '"${{{r}.arn}}/*"')),
    "sqs": ("aws_sqs_queue", ("{r}.arn",)),
    "sns": ("aws_sns_topic", ("{r}.arn",)),
    "dynamodb": ("aws_dynamodb_table", ("{r}.arn", '"${{{r}.arn}}/index/*"')),
    "kms": ("aws_kms_key", ("{r}.arn",)),
    "secretsmanager": ("aws_secretsmanager_secret", ("{r}.arn",)),
    "logs": ("aws_cloudwatch_log_group", ("{r}.arn", '"${{{r}.arn}}:*"')),
    "lambda": ("aws_lambda_function", ("{r}.arn",)),
    "kinesis": ("aws_kinesis_stream", ("{r}.arn",)),
    "ssm": ("aws_ssm_parameter", ("{r}.arn",)),
    "ecr": ("aws_ecr_repository", ("{r}.arn",)),
}
_ACTION = re.compile(r"([a-z0-9-]+):([A-Za-z0-9]+)")
SCOPABLE_LISTS = {
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListMultipartUploadParts",
    "s3:ListBucketMultipartUploads",
}


def _unscopable(action: str) -> bool:
    name = action.split(":", 1)[1]
    if action in SCOPABLE_LISTS:
        return False
    return name.startswith(("List", "Describe")) or action in ("ecr:GetAuthorizationToken", "sts:GetCallerIdentity")


def _module_arns(ctx: RewriteContext, text: str, rtype: str) -> list[str] | None:
    """ARN references of every `rtype` in the module, None when one is count/for_each (shape unknown)."""
    refs: list[str] = []
    for source in (text, *(t for f, t in sorted(ctx.file_texts.items()) if f != ctx.resource.file)):
        for block in top_blocks(source.encode("utf-8")):
            if block.kind == "resource" and block.labels[:1] == (rtype,):
                if block.templated:
                    return None
                refs.append(f"{rtype}.{block.labels[1]}")
    return refs


def scoped_resources(ctx: RewriteContext, text: str, actions: list[str]) -> str | None:
    """The HCL list replacing `"*"` for these actions, or None when this module cannot tell."""
    if not actions or any(not _ACTION.fullmatch(a) or _unscopable(a) for a in actions):
        return None
    out: list[str] = []
    for service in dict.fromkeys(a.split(":", 1)[0] for a in actions):
        form = ARN_FORMS.get(service)
        refs = _module_arns(ctx, text, form[0]) if form else None
        if not refs or form is None:
            return None
        out += [f.format(r=r) for r in refs for f in form[1]]
    return "[" + ", ".join(out) + "]"


def human_resources(ctx: RewriteContext) -> str:
    items = [i.strip() for i in param(ctx, "allowed_resources").split(",") if i.strip()]
    if not items or "*" in items:
        raise EditRefused("parameter allowed_resources must list ARNs (or references), not '*'")
    return "[" + ", ".join(hcl_value(i) for i in items) + "]"


def _literal_strings(value: str) -> list[str] | None:
    v = value.strip()
    if not re.fullmatch(r'\[?\s*(?:"[^"$%\\]*"\s*,?\s*)*\]?', v):
        return None
    return re.findall(r'"([^"]*)"', v)


def _fix_document(ctx: RewriteContext, text: str, addr: tuple[str, tuple[str, ...]]) -> str:
    count = len(locate(text, addr).children("statement"))
    for index in range(count):
        stmt: Block = locate(text, addr).children("statement")[index]
        resources, actions, effect = stmt.attr("resources"), stmt.attr("actions"), stmt.attr("effect")
        if resources is None or _literal_strings(resources.value) != ["*"]:
            continue
        if effect is not None and effect.value.strip() != '"Allow"':
            continue
        names = _literal_strings(actions.value) if actions is not None else None
        new = scoped_resources(ctx, text, names or []) or human_resources(ctx)
        text = replace_value(text, resources, new)
    return text


def _edit(ctx: RewriteContext, text: str) -> str:
    if ctx.resource.type == "aws_iam_policy_document":
        return _fix_document(ctx, text, address(ctx))
    policy = locate(text, address(ctx)).attr("policy")
    source = policy.value.strip() if policy is not None and not policy.heredoc else ""
    doc = re.fullmatch(r"data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json", source)
    if doc is not None:
        if locate_or_none(text, ("data", ("aws_iam_policy_document", doc[1]))) is None:
            raise EditRefused(f"the policy comes from {source.removesuffix('.json')} in another file; fix it there")
        return _fix_document(ctx, text, ("data", ("aws_iam_policy_document", doc[1])))
    return wildcard_statements(ctx, text, lambda actions: scoped_resources(ctx, text, actions) or human_resources(ctx))


def locate_or_none(text: str, addr: tuple[str, tuple[str, ...]]) -> Block | None:
    try:
        return locate(text, addr)
    except EditRefused:
        return None


RULES = ("CKV_AWS_286", "CKV_AWS_287", "CKV_AWS_288", "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_355")
DOCUMENT_RULES = ("CKV_AWS_110", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_111", "CKV_AWS_356")

REWRITER = Rewriter(
    id="iam_scope_resources",
    iac=TF,
    rule_ids=(*RULES, *DOCUMENT_RULES),
    action="scope_iam_resources",
    title='Scope IAM statements from Resource "*" to this module\'s ARNs',
    confidence=Level.low,
    reversible=True,
    rollback_plan='Revert the PR and apply (in place): the statements apply to every resource ("*") again.',
    verification=Verification(rules=(*RULES, *DOCUMENT_RULES), provider_check="iam_policy_resources_scoped"),
    review_guidance=(
        "The principal keeps its actions but only on the listed ARNs: anything it used outside this module "
        "(buckets, queues, keys of other stacks) is denied afterwards. Check CloudTrail / IAM Access Analyzer "
        "for the resources this role really touches before merging; a scoped-by-hand list goes in allowed_resources."
    ),
    references=(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
        "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(
            name="allowed_resources",
            description="comma-separated ARNs or references for statements this module cannot scope itself",
            default="",
        ),
    ),
    resource_types=(*POLICY_TYPES, "aws_iam_policy_document"),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
