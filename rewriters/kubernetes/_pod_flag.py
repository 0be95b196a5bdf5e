"""Pod-spec booleans: turn a dangerous `true` (or an unsafe default) into `false`."""

from __future__ import annotations

from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import on_pod_spec, rewrite, set_key

HOST_NAMESPACES = "https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"


def _disable(key: str, only_if_true: bool) -> Callable[[CommentedMap], str | None]:
    def edit(spec: CommentedMap) -> str | None:
        if only_if_true and not spec.get(key):
            return None  # absent or false already: the default is safe
        set_key(spec, key, False)
        return None

    return edit


def disable_pod_flag(key: str, only_if_true: bool = True) -> Callable[[RewriteContext], Outcome]:
    """An `apply` setting `spec.<key>: false` in the pod spec."""

    def apply(ctx: RewriteContext) -> Outcome:
        return rewrite(ctx, on_pod_spec(_disable(key, only_if_true)))

    return apply
