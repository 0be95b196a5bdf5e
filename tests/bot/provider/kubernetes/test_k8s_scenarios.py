"""Every Kubernetes golden case against the API stand-in: the live object before the fix
(failed), after (verified), after with pods of the old template (pending), absent (unverifiable)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from kubernetes import client

from bot.inventory.kubernetes import parse_manifests
from bot.models.resource import Resource
from bot.provider.kubernetes.client import KubeContext
from bot.provider.kubernetes.objects import SELECTED, pod_labels, pod_spec
from bot.provider.kubernetes.provider import KubernetesProvider
from bot.provider.result import CheckStatus, ProviderReport, Why
from tests.harness.golden import Case, discover_cases, rewriter_of
from tests.harness.k8s_standin import Cluster, standin

CASES = [c for c in discover_cases() if c.before.suffix == ".yaml"]
POD_CHECKS = {"k8s_not_default_namespace", "k8s_security_label_present", "k8s_egress_denies_metadata_ip",
              "k8s_default_service_account_not_mounted"}  # checks on the object itself, not its pods


@pytest.fixture(scope="module")
def api() -> Iterator[tuple[KubeContext, Cluster]]:
    with standin() as (url, cluster):
        conf = client.Configuration()
        conf.host = url
        yield KubeContext.from_configuration(conf), cluster


def _docs(case: Case, when: str) -> list[Resource]:
    path = case.before if when == "before" else case.after
    return list(parse_manifests(path.read_text(encoding="utf-8"), path.name).resources)


def _desired(case: Case) -> Resource:
    address = case.meta.get("resource_after") or case.meta["resource"]
    return next(r for r in _docs(case, "after") if r.address == address)


def _served(res: Resource, pods_from: Resource | None = None) -> list[dict[str, Any]]:
    """The object as an API server returns it (namespace, generation, status) and its pods."""
    obj: dict[str, Any] = json.loads(json.dumps(res.attributes))
    obj["metadata"]["namespace"] = res.namespace or "default"
    out = [obj]
    if res.type in SELECTED:
        replicas = obj["spec"].get("replicas", 1)
        obj["metadata"]["generation"] = 1
        obj["status"] = ({"observedGeneration": 1, "desiredNumberScheduled": replicas, "currentNumberScheduled":
                          replicas, "numberMisscheduled": 0, "numberReady": replicas,
                          "updatedNumberScheduled": replicas} if res.type == "DaemonSet" else
                         {"observedGeneration": 1, "replicas": replicas, "updatedReplicas": replicas})
        source = pods_from or res
        out += [{"apiVersion": "v1", "kind": "Pod", "metadata": {
            "name": f"{res.name}-{i}", "namespace": obj["metadata"]["namespace"],
            "labels": pod_labels(res.type, obj)}, "spec": pod_spec(source.type, json.loads(json.dumps(
                source.attributes)))} for i in range(int(replicas or 1))]
    return out


def _check(api: tuple[KubeContext, Cluster], case: Case, live: list[Resource],
           pods_from: Resource | None = None) -> ProviderReport:
    ctx, cluster = api
    cluster.clear()
    for res in live:
        if res.type in ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
                        "ServiceAccount", "NetworkPolicy", "ReplicationController"):
            for obj in _served(res, pods_from if res.type == _desired(case).type else None):
                cluster.add(obj)
    return KubernetesProvider(ctx).check(rewriter_of(case).verification.provider_check, [_desired(case)])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_before_the_fix_is_not_verified(api: tuple[KubeContext, Cluster], case: Case) -> None:
    report = _check(api, case, _docs(case, "before"))
    moved = case.meta.get("resource_after") not in (None, case.meta["resource"])
    want = CheckStatus.unverifiable if moved else CheckStatus.failed  # not yet in its new namespace
    assert report.status is want, report.detail
    assert moved or report.results[0].evidence


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_after_the_fix_is_verified_on_template_and_pods(api: tuple[KubeContext, Cluster], case: Case) -> None:
    report = _check(api, case, _docs(case, "after"))
    assert report.status is CheckStatus.verified, report.detail


ROLLING = [c for c in CASES if _desired(c).type in SELECTED and rewriter_of(c).verification.provider_check
           not in POD_CHECKS and not c.meta.get("resource_after")]


@pytest.mark.parametrize("case", ROLLING, ids=[c.id for c in ROLLING])
def test_pods_of_the_old_template_mean_pending(api: tuple[KubeContext, Cluster], case: Case) -> None:
    old = next(r for r in _docs(case, "before") if r.address == case.meta["resource"])
    report = _check(api, case, _docs(case, "after"), pods_from=old)
    assert report.status is CheckStatus.pending, report.detail
    assert report.results[0].evidence["stale_pods"]


@pytest.mark.parametrize("case", CASES[:3], ids=[c.id for c in CASES[:3]])
def test_an_object_the_cluster_does_not_have_is_unverifiable(api: tuple[KubeContext, Cluster], case: Case) -> None:
    report = _check(api, case, [])
    assert report.status is CheckStatus.unverifiable and report.results[0].why is Why.not_found


def test_requests_are_gets_on_the_real_api_paths(api: tuple[KubeContext, Cluster]) -> None:
    _ctx, cluster = api
    _check(api, CASES[0], _docs(CASES[0], "after"))
    assert cluster.requests and all(p.startswith(("/api/v1/", "/apis/")) for p in cluster.requests)
