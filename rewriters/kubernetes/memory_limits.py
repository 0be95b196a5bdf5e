"""CKV_K8S_13: every container sets resources.limits.memory."""

from __future__ import annotations

from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(("CKV_K8S_13", "KSV018", "AVD-KSV-0018"), "limits", "memory", default="512Mi")
