"""Kubernetes checks: the fixed fields on the live pod template and on the running pods.

A template that still lacks the fix is `failed`; a template that has it while running pods do
not (the rollout is not done) is `pending`, retried later; both hold → `verified`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Any

from bot.models.resource import Resource
from bot.provider.kubernetes.client import KubeContext, KubeError
from bot.provider.kubernetes.objects import SELECTED, WORKLOADS, pod_labels, pod_spec, rollout_pending
from bot.provider.kubernetes.probes import PROBES, Probe
from bot.provider.registry import CheckRegistry, Registration
from bot.provider.result import Outcome, Why, failed, pending, unverifiable, verified

SUPPORTED = (*WORKLOADS, "ServiceAccount", "NetworkPolicy")
METADATA_IP = ipaddress.ip_address("169.254.169.254")
Obj = dict[str, Any]


def _namespace(res: Resource) -> str:
    return res.namespace or "default"


def live(fn: Callable[[KubeContext, Resource, Obj], Outcome]) -> Callable[[KubeContext, Resource], Outcome]:
    """Read the live object first: absent → unverifiable (not found); forbidden → no credentials."""
    def check(ctx: KubeContext, res: Resource) -> Outcome:
        try:
            obj = ctx.read(res.type, _namespace(res), res.name)
            if obj is None:
                return unverifiable(Why.not_found, f"{res.type} {_namespace(res)}/{res.name} not found in the cluster")
            return fn(ctx, res, obj)
        except KubeError as exc:
            why = Why.no_credentials if exc.status in (401, 403) else Why.api_error
            return unverifiable(why, str(exc))
        except OSError as exc:  # urllib3 connection errors derive from OSError
            return unverifiable(Why.api_error, f"cluster unreachable: {exc}"[:200])

    return check


def _running(ctx: KubeContext, res: Resource, obj: Obj) -> list[Obj]:
    if res.type == "Pod":
        return [obj]
    labels = ((obj.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
    return ctx.pods(_namespace(res), labels) if res.type in SELECTED and labels else []


def workload(probe: Probe) -> Callable[[KubeContext, Resource], Outcome]:
    def fn(ctx: KubeContext, res: Resource, obj: Obj) -> Outcome:
        problems = probe(pod_spec(res.type, obj), res)
        if problems:
            return failed("the live pod template lacks the fix", template=problems)
        pods = _running(ctx, res, obj)
        stale = {p["metadata"]["name"]: probe(p.get("spec") or {}, res) for p in pods}
        stale = {name: found for name, found in stale.items() if found}
        waiting = rollout_pending(res.type, obj)
        if stale or (waiting and res.type != "Pod"):
            return pending(waiting or f"{len(stale)} of {len(pods)} running pods still lack the fix",
                           stale_pods=stale, pods=len(pods))
        return verified(template="fixed", pods_checked=len(pods))

    return live(fn)


def _not_default(ctx: KubeContext, res: Resource, obj: Obj) -> Outcome:
    ns = (obj.get("metadata") or {}).get("namespace")
    return failed("runs in the default namespace", namespace=ns) if ns in (None, "default") else verified(namespace=ns)


def _labels(ctx: KubeContext, res: Resource, obj: Obj) -> Outcome:
    want = dict(res.tags) or dict(((res.attributes.get("metadata") or {}).get("labels")) or {})
    got = (obj.get("metadata") or {}).get("labels") or {}
    missing = {k: v for k, v in want.items() if got.get(k) != v}
    return failed("labels missing on the live object", missing=missing) if missing else verified(labels=want)


def _sa_token(ctx: KubeContext, res: Resource, obj: Obj) -> Outcome:
    value = obj.get("automountServiceAccountToken")
    evidence = {"automountServiceAccountToken": value}
    return verified(**evidence) if value is False else failed("the token is still mounted by default", **evidence)


def _selects(policy: Obj, labels: dict[str, str]) -> bool:
    want = ((policy.get("spec") or {}).get("podSelector") or {}).get("matchLabels") or {}
    return all(labels.get(k) == v for k, v in want.items())


def _blocks_metadata(policy: Obj) -> bool:
    spec = policy.get("spec") or {}
    if "Egress" not in (spec.get("policyTypes") or []):
        return False
    for rule in spec.get("egress") or []:
        peers = rule.get("to") or []
        if not peers:
            return False  # allows every destination
        for peer in peers:
            block = peer.get("ipBlock")
            if block and METADATA_IP in ipaddress.ip_network(block["cidr"], strict=False) and not any(
                    METADATA_IP in ipaddress.ip_network(e, strict=False) for e in block.get("except") or []):
                return False
    return True


def _egress(ctx: KubeContext, res: Resource, obj: Obj) -> Outcome:
    labels = pod_labels(res.type, obj)
    policies = [p for p in ctx.network_policies(_namespace(res)) if _selects(p, labels)]
    blocking = [p["metadata"]["name"] for p in policies if _blocks_metadata(p)]
    evidence = {"selecting_policies": [p["metadata"]["name"] for p in policies], "blocking": blocking}
    return verified(**evidence) if blocking else failed("no NetworkPolicy denies egress to 169.254.169.254",
                                                        **evidence)


REGISTRY: CheckRegistry[KubeContext] = CheckRegistry("kubernetes", (
    *(Registration(name, WORKLOADS, workload(probe)) for name, probe in PROBES.items()),
    Registration("k8s_default_service_account_not_mounted", ("ServiceAccount",), live(_sa_token)),
    Registration("k8s_not_default_namespace", SUPPORTED, live(_not_default)),
    Registration("k8s_security_label_present", SUPPORTED, live(_labels)),
    Registration("k8s_egress_denies_metadata_ip", WORKLOADS, live(_egress)),
))


def supports(kind: str) -> bool:
    return kind in SUPPORTED
