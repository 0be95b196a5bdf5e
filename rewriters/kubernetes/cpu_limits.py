"""CKV_K8S_11: every container sets resources.limits.cpu."""

from __future__ import annotations

from bot.models.plan import ChangeFacts
from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(
    ("CKV_K8S_11", "KSV011", "AVD-KSV-0011", "4ac0e2b7-d2d2-4af7-8799-e8de6721ccda"),
    "limits",
    "cpu",
    default="500m",
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
