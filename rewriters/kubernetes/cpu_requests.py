"""CKV_K8S_10: every container sets resources.requests.cpu."""

from __future__ import annotations

from bot.models.plan import ChangeFacts
from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(
    ("CKV_K8S_10", "KSV015", "AVD-KSV-0015"),
    "requests",
    "cpu",
    default="100m",
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
