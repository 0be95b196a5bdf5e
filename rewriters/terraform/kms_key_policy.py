"""KMS keys get an explicit key policy: the default one AWS applies, written down.

The policy gives the account (through IAM policies) control of the key, exactly what AWS
applies when `policy` is omitted, so nothing changes in access; it makes the policy
reviewable and stops a later edit from silently relying on the default.
"""

from __future__ import annotations

from bot.hcledit import BlockSpec, append_sibling, detect_indent_unit, locate, top_blocks
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, has_value


def _data_name(ctx: RewriteContext, text: str, kind: str) -> str | None:
    for source in (text, *ctx.file_texts.values()):
        for block in top_blocks(source.encode("utf-8")):
            if block.kind == "data" and block.labels[:1] == (kind,):
                return block.labels[1]
    return None


def _policy(account: str, partition: str, unit: str) -> str:
    arn = f"arn:${{data.aws_partition.{partition}.partition}}"
    root = f'"{arn}:iam::${{data.aws_caller_identity.{account}.account_id}}:root"'
    inner, deeper = unit * 2, unit * 3
    return (
        "jsonencode({\n"
        f'{inner}Version = "2012-10-17"\n'
        f"{inner}Statement = [{{\n"
        f'{deeper}Sid       = "EnableIAMUserPermissions"\n'
        f'{deeper}Effect    = "Allow"\n'
        f"{deeper}Principal = {{ AWS = {root} }}\n"
        f'{deeper}Action    = "kms:*"\n'
        f'{deeper}Resource  = "*"\n'
        f"{inner}}}]\n"
        f"{unit}}})"
    )


def _edit(ctx: RewriteContext, text: str) -> str:
    key = locate(text, address(ctx))
    existing = key.attr("policy")
    if existing is not None and has_value(existing.value):
        return text
    account = _data_name(ctx, text, "aws_caller_identity")
    partition = _data_name(ctx, text, "aws_partition")
    unit = detect_indent_unit(text.encode("utf-8"), key)
    policy = _policy(account or "current", partition or "current", unit)
    text = apply_settings(ctx, text, (Setting("policy", policy),))
    for kind, found in (("aws_partition", partition), ("aws_caller_identity", account)):
        if found is None:
            text = append_sibling(text, locate(text, address(ctx)), BlockSpec("data", (kind, "current")))
    return text


REWRITER = Rewriter(
    id="kms_key_policy",
    iac=TF,
    rule_ids=("CKV2_AWS_64",),
    action="define_kms_key_policy",
    title="Write down the key policy (the AWS default)",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the key keeps the same default policy AWS applied.",
    verification=Verification(rules=("CKV2_AWS_64",), provider_check="kms_key_policy"),
    review_guidance=(
        "The policy is the one AWS applies by default (the account root, hence IAM policies, controls "
        "the key), so access does not change. Tighten it afterwards: name key administrators and the "
        "service principals that use the key."
    ),
    references=(
        "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#policy",
    ),
    apply=guarded(_edit),
    resource_types=("aws_kms_key",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
