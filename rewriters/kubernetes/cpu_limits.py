"""CKV_K8S_11: every container sets resources.limits.cpu."""

from __future__ import annotations

from rewriters.kubernetes._resources import resource_rewriter

REWRITER = resource_rewriter(("CKV_K8S_11", "KSV011", "AVD-KSV-0011"), "limits", "cpu", default="500m")
