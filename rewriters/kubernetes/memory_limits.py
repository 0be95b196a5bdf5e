"""CKV_K8S_13: every container sets resources.limits.memory."""

from __future__ import annotations

from bot.models.plan import ChangeFacts
from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(
    ("CKV_K8S_13", "KSV018", "AVD-KSV-0018", "b14d1bc4-a208-45db-92f0-e21f8e2588e9"),
    "limits",
    "memory",
    default="512Mi",
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
