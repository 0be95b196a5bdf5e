"""SageMaker notebook users get no root access."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="sagemaker_notebook_no_root",
    iac=TF,
    rule_ids=("CKV_AWS_307",),
    action="disable_notebook_root",
    title="Disable root access on the notebook",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (the notebook restarts).",
    verification=Verification(rules=("CKV_AWS_307",), provider_check="sagemaker_notebook_root"),
    review_guidance=(
        "Users can no longer sudo (e.g. yum install, system-wide pip); lifecycle configurations still"
        " run as root. The instance restarts."
    ),
    references=(
        "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance",
    ),
    apply=set_attrs(
        Setting("root_access", '"Disabled"'),
    ),
    resource_types=("aws_sagemaker_notebook_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
