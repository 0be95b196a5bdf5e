"""Container resource requests/limits with parameterised defaults, kept consistent.

A new limit is never below an existing request and a new request never above an existing
limit (the API server rejects request > limit).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import child_map
from rewriters.base import Outcome, Param, RewriteContext, Rewriter
from rewriters.kubernetes._common import k8s_rewriter, missing, on_containers, rewrite

_QUANTITY = re.compile(r"^([0-9]+(?:\.[0-9]+)?(?:[eE][0-9]+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")
_FACTORS: dict[str | None, Decimal | int] = {
    None: 1,
    "m": Decimal("0.001"),
    "k": 10**3,
    "M": 10**6,
    "G": 10**9,
    "T": 10**12,
    "P": 10**15,
    "E": 10**18,
    "Ki": 2**10,
    "Mi": 2**20,
    "Gi": 2**30,
    "Ti": 2**40,
    "Pi": 2**50,
    "Ei": 2**60,
}
REFERENCE = "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"
OTHER = {"requests": "limits", "limits": "requests"}


def quantity(value: object) -> Decimal | None:
    """A Kubernetes quantity ("100m", "128Mi", 0.5) as a number, None if not one."""
    match = _QUANTITY.match(str(value).strip())
    if not match:
        return None
    try:
        return Decimal(match.group(1)) * Decimal(_FACTORS[match.group(2)])
    except InvalidOperation:
        return None


def _choose(default: str, section: str, other_value: object) -> str:
    """The default, moved to the existing other bound when it would cross it."""
    bound, wanted = quantity(other_value), quantity(default)
    if bound is None or wanted is None:
        return default
    crosses = wanted < bound if section == "limits" else wanted > bound
    return str(other_value) if crosses else default


def _setter(section: str, resource: str, default: str) -> Callable[[CommentedMap], str | None]:
    def edit(container: CommentedMap) -> str | None:
        resources = child_map(container, "resources")
        if resources is None:
            return "resources is not a mapping"
        if resources.get(section, {}) is not None and not isinstance(resources.get(section, {}), dict):
            return f"resources.{section} is not a mapping"
        if (resources.get(section) or {}).get(resource) not in (None, ""):
            return None
        other = resources.get(OTHER[section])
        value = _choose(default, section, other.get(resource) if isinstance(other, dict) else None)
        target = child_map(resources, section)
        assert target is not None
        target[resource] = value
        return None

    return edit


def resource_rewriter(
    rule_ids: tuple[str, ...], section: str, resource: str, default: str, *, facts: ChangeFacts
) -> Rewriter:
    """One rewriter for `resources.<section>.<resource>` (e.g. limits.memory)."""
    name = f"{resource}_{section.rstrip('s')}"

    def apply(ctx: RewriteContext) -> Outcome:
        value = ctx.params.get(name) or ""
        if quantity(value) is None:
            return missing(name, f"a Kubernetes quantity for {section}.{resource}, e.g. {default}")
        return rewrite(ctx, on_containers(_setter(section, resource, value)))

    return k8s_rewriter(
        id=f"k8s_{resource}_{section}",
        rule_ids=rule_ids,
        action="set_resource_limits" if section == "limits" else "set_resource_requests",
        title=f"Set a {resource.upper() if resource == 'cpu' else resource} {section.rstrip('s')} on every container",
        confidence=Level.medium,
        rollback_plan=f"Revert the commit, or remove resources.{section}.{resource} from the containers.",
        provider_check=f"k8s_{resource}_{section}_set",
        review_guidance=_GUIDANCE[section].format(resource=resource, default=default, name=name),
        references=(REFERENCE, "https://kubernetes.io/docs/tasks/administer-cluster/manage-resources/"),
        apply=apply,
        parameters=(
            Param(name=name, description=f"{section.rstrip('s')} for {resource} per container", default=default),
        ),
        facts=facts,
    )


_GUIDANCE = {
    "requests": (
        "The default {resource} request ({default}, parameter `{name}`) is a placeholder: the "
        "scheduler reserves it per container, so size it from observed usage. Too high and pods "
        "stay Pending; too low and nodes get over-committed. Never set above an existing limit."
    ),
    "limits": (
        "CAN THROTTLE OR KILL THE APP: the default {resource} limit ({default}, parameter "
        "`{name}`) is a placeholder. A memory limit below peak usage gets the container "
        "OOM-killed; a CPU limit throttles it. Size it from observed usage before merging; it is "
        "never set below an existing request."
    ),
}
