"""CKV_K8S_12: every container sets resources.requests.memory."""

from __future__ import annotations

from bot.models.plan import ChangeFacts
from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(
    ("CKV_K8S_12", "KSV016", "AVD-KSV-0016"),
    "requests",
    "memory",
    default="128Mi",
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
