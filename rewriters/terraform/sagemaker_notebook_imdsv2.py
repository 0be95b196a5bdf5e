"""SageMaker notebook instances accept only IMDSv2."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="sagemaker_notebook_imdsv2",
    iac=TF,
    rule_ids=("CKV_AWS_371",),
    action="require_notebook_imdsv2",
    title="Require IMDSv2 on the notebook",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_371",), provider_check="sagemaker_notebook_imdsv2"),
    review_guidance=("Old SDKs or scripts on the notebook calling the metadata service without a token stop working."),
    references=(
        "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-imds.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance",
    ),
    apply=set_attrs(
        Setting("minimum_instance_metadata_service_version", '"2"', path=("instance_metadata_service_configuration",)),
    ),
    resource_types=("aws_sagemaker_notebook_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
