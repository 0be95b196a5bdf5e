"""Editing `securityContext.capabilities` lists of a container."""

from __future__ import annotations

from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.yamledit.k8s import child_map, child_seq
from rewriters.kubernetes._common import security_context


def _names(values: object) -> list[str]:
    return [str(v) for v in values] if isinstance(values, list) else []


def ensure_dropped(container: CommentedMap, capability: str, satisfied: tuple[str, ...]) -> str | None:
    """Append `capability` to `capabilities.drop` unless one of `satisfied` is there already."""
    context = security_context(container)
    if isinstance(context, str):
        return context
    capabilities = child_map(context, "capabilities")
    if capabilities is None:
        return "securityContext.capabilities is not a mapping"
    if capability in _names(capabilities.get("add")):
        return f"adds {capability} explicitly; remove it from capabilities.add by hand"
    drop = child_seq(capabilities, "drop")
    if drop is None:
        return "securityContext.capabilities.drop is not a list"
    if not any(name in satisfied for name in _names(drop)):
        drop.append(capability)
    return None


def remove_added(container: CommentedMap, unwanted: Callable[[str], bool]) -> str | None:
    """Remove matching entries of `capabilities.add`; drop emptied keys, never the context."""
    context = container.get("securityContext")
    capabilities = context.get("capabilities") if isinstance(context, dict) else None
    added = capabilities.get("add") if isinstance(capabilities, dict) else None
    if not isinstance(added, list) or not any(unwanted(str(cap)) for cap in added):
        return None
    assert isinstance(context, dict) and isinstance(capabilities, dict)
    for index in reversed(range(len(added))):
        if unwanted(str(added[index])):
            del added[index]
    if not added:
        del capabilities["add"]
    if not capabilities and len(context) > 1:
        del context["capabilities"]
    return None
