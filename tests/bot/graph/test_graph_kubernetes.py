"""Kubernetes reach and exposure edges."""

from __future__ import annotations

from typing import Any

from bot.graph import EdgeKind
from tests.harness.infra import graph_of, k8s


def deployment(name: str, labels: dict[str, str], spec: dict[str, Any] | None = None, namespace: str = "default"):
    pod_spec = {"containers": [{"name": name, "image": f"acme/{name}:1"}], **(spec or {})}
    return k8s(
        "Deployment",
        name,
        {"spec": {"selector": {"matchLabels": labels}, "template": {"metadata": {"labels": labels}, "spec": pod_spec}}},
        namespace=namespace,
    )


def service(name: str, selector: dict[str, str], kind: str = "ClusterIP", namespace: str = "default"):
    return k8s("Service", name, {"spec": {"type": kind, "selector": selector, "ports": [{"port": 80}]}}, namespace)


def test_service_selects_workloads_whose_pod_labels_match() -> None:
    g = graph_of(
        service("web", {"app": "web"}),
        deployment("web", {"app": "web", "tier": "front"}),
        deployment("worker", {"app": "worker"}),
        deployment("web", {"app": "web"}, namespace="other"),
    )
    assert g.edge("Service.default.web", "Deployment.default.web")["kind"] == EdgeKind.selector
    assert not g.graph.has_edge("Service.default.web", "Deployment.default.worker")
    assert not g.graph.has_edge("Service.default.web", "Deployment.other.web")


def test_selector_needs_every_label() -> None:
    g = graph_of(service("api", {"app": "api", "tier": "back"}), deployment("api", {"app": "api"}))
    assert not g.graph.has_edge("Service.default.api", "Deployment.default.api")


def test_ingress_routes_to_backend_services_and_is_exposed() -> None:
    ing = k8s(
        "Ingress",
        "web",
        {
            "spec": {
                "rules": [
                    {
                        "host": "pay.example.com",
                        "http": {
                            "paths": [
                                {
                                    "path": "/",
                                    "pathType": "Prefix",
                                    "backend": {"service": {"name": "web", "port": {"number": 80}}},
                                }
                            ]
                        },
                    }
                ]
            }
        },
    )
    g = graph_of(ing, service("web", {"app": "web"}), deployment("web", {"app": "web"}))
    assert g.edge("Ingress.default.web", "Service.default.web")["kind"] == EdgeKind.backend
    assert g.exposure("Ingress.default.web") == (
        True,
        ("Ingress.default.web: Ingress routes external traffic (pay.example.com)",),
    )
    assert g.attack_path("Deployment.default.web") == (
        "internet",
        "Ingress.default.web",
        "Service.default.web",
        "Deployment.default.web",
    )


def test_load_balancer_and_node_port_services_are_exposed_cluster_ip_is_not() -> None:
    g = graph_of(
        service("lb", {"app": "a"}, "LoadBalancer"),
        service("np", {"app": "a"}, "NodePort"),
        service("internal", {"app": "a"}),
    )
    assert g.exposure("Service.default.lb") == (True, ("Service.default.lb: type LoadBalancer",))
    assert g.exposure("Service.default.np")[0]
    assert g.exposure("Service.default.internal") == (False, ())


def test_workload_service_account_role_binding_role_secret_chain() -> None:
    g = graph_of(
        deployment("api", {"app": "api"}, {"serviceAccountName": "api"}),
        k8s("ServiceAccount", "api"),
        k8s(
            "RoleBinding",
            "api-read",
            {
                "subjects": [{"kind": "ServiceAccount", "name": "api"}],
                "roleRef": {"kind": "Role", "name": "secret-reader"},
            },
        ),
        k8s("Role", "secret-reader", {"rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]}),
        k8s("Secret", "db-password", {"type": "Opaque"}),
        k8s("Secret", "elsewhere", {"type": "Opaque"}, namespace="other"),
    )
    assert g.edge("Deployment.default.api", "ServiceAccount.default.api")["kind"] == EdgeKind.service_account
    assert g.edge("ServiceAccount.default.api", "RoleBinding.default.api-read")["kind"] == EdgeKind.role_binding
    assert g.edge("RoleBinding.default.api-read", "Role.default.secret-reader")["kind"] == EdgeKind.role_binding
    assert g.edge("Role.default.secret-reader", "Secret.default.db-password")["kind"] == EdgeKind.secret_access
    assert not g.graph.has_edge("Role.default.secret-reader", "Secret.other.elsewhere")


def test_cluster_role_binding_reaches_secrets_in_every_namespace() -> None:
    g = graph_of(
        k8s("ServiceAccount", "ops", namespace="tools"),
        k8s(
            "ClusterRoleBinding",
            "ops",
            {
                "subjects": [{"kind": "ServiceAccount", "name": "ops", "namespace": "tools"}],
                "roleRef": {"kind": "ClusterRole", "name": "all"},
            },
        ),
        k8s("ClusterRole", "all", {"rules": [{"resources": ["*"], "verbs": ["*"]}]}),
        k8s("Secret", "a", namespace="payments"),
    )
    crb = "ClusterRoleBinding.default.ops"
    assert g.graph.has_edge("ServiceAccount.tools.ops", crb)
    assert g.graph.has_edge(crb, "ClusterRole.default.all")
    assert g.graph.has_edge("ClusterRole.default.all", "Secret.payments.a")


def test_mounted_secrets_and_claims_and_data_store_flags() -> None:
    spec = {
        "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "ledger"}}],
        "containers": [
            {
                "name": "api",
                "image": "x",
                "env": [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}],
            }
        ],
    }
    g = graph_of(deployment("api", {"app": "api"}, spec), k8s("Secret", "db"), k8s("PersistentVolumeClaim", "ledger"))
    assert g.edge("Deployment.default.api", "Secret.default.db")["kind"] == EdgeKind.mounts
    assert g.graph.has_edge("Deployment.default.api", "PersistentVolumeClaim.default.ledger")
    assert g.node("Secret.default.db")["is_data_store"] is True
    assert g.node("PersistentVolumeClaim.default.ledger")["is_data_store"] is True


def test_malformed_objects_are_skipped_not_fatal() -> None:
    g = graph_of(
        k8s("Service", "odd", {"spec": "oops"}),
        k8s("Ingress", "odd", {"spec": [1, 2]}),
        k8s("RoleBinding", "odd", {"roleRef": "x", "subjects": "y"}),
        k8s("Role", "odd", {"rules": [{"resources": "secrets", "verbs": "get"}, "junk"]}),
        k8s("Secret", "s"),
        k8s("Deployment", "odd", {"spec": {"template": {"spec": {"volumes": "none", "containers": [None]}}}}),
    )
    assert g.exposure("Service.default.odd") == (False, ())
    assert g.exposure("Ingress.default.odd")[0]  # an Ingress is exposure even when its rules are unreadable
    assert g.graph.has_edge("Role.default.odd", "Secret.default.s")  # a scalar resources/verbs still counts


def test_ingress_evidence_is_clipped() -> None:
    hosts = [{"host": "h" * 300}] + [{"host": f"h{i}.example"} for i in range(5)]
    g = graph_of(k8s("Ingress", "many", {"spec": {"rules": hosts}}))
    (why,) = g.exposure("Ingress.default.many")[1]
    assert len(why) < 250 and why.endswith("and 3 more)")
