"""Reads live Kubernetes objects through the official client, as raw API JSON (camelCase).

Configuration is standard: an explicit `kubernetes.client.Configuration`, else the kubeconfig
(`KUBECONFIG`, `~/.kube/config`, its current context), else the in-cluster service account.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kubernetes import client, config

Obj = dict[str, Any]

# kind -> (API class, read method suffix)
READERS: dict[str, tuple[str, str]] = {
    "Pod": ("CoreV1Api", "pod"),
    "ReplicationController": ("CoreV1Api", "replication_controller"),
    "ServiceAccount": ("CoreV1Api", "service_account"),
    "Deployment": ("AppsV1Api", "deployment"),
    "StatefulSet": ("AppsV1Api", "stateful_set"),
    "DaemonSet": ("AppsV1Api", "daemon_set"),
    "ReplicaSet": ("AppsV1Api", "replica_set"),
    "Job": ("BatchV1Api", "job"),
    "CronJob": ("BatchV1Api", "cron_job"),
    "NetworkPolicy": ("NetworkingV1Api", "network_policy"),
}


class KubeError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status


def load_configuration() -> client.Configuration:
    """The kubeconfig's current context, else the in-cluster config."""
    conf = client.Configuration()
    try:
        config.load_kube_config(client_configuration=conf)
    except (config.ConfigException, OSError, TypeError):
        config.load_incluster_config(client_configuration=conf)
    return conf


@dataclass
class KubeContext:
    api: client.ApiClient
    calls: list[str] = field(default_factory=list)  # "GET kind/ns/name" made in this run

    @classmethod
    def from_configuration(cls, conf: client.Configuration | None = None) -> KubeContext:
        return cls(client.ApiClient(conf or load_configuration()))

    def _raw(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Obj | None:
        try:
            response = fn(*args, _preload_content=False, **kwargs)
        except client.ApiException as exc:
            if exc.status == 404:
                return None
            raise KubeError(int(exc.status or 0), str(exc.reason)) from exc
        data: Obj = json.loads(response.data)
        return data

    def read(self, kind: str, namespace: str, name: str) -> Obj | None:
        api_name, suffix = READERS[kind]
        api = getattr(client, api_name)(self.api)
        self.calls.append(f"GET {kind}/{namespace}/{name}")
        return self._raw(getattr(api, f"read_namespaced_{suffix}"), name, namespace)

    def pods(self, namespace: str, labels: dict[str, str]) -> list[Obj]:
        selector = ",".join(f"{k}={v}" for k, v in sorted(labels.items()))
        self.calls.append(f"LIST Pod/{namespace}?{selector}")
        found = self._raw(client.CoreV1Api(self.api).list_namespaced_pod, namespace, label_selector=selector)
        return list((found or {}).get("items") or [])

    def network_policies(self, namespace: str) -> list[Obj]:
        self.calls.append(f"LIST NetworkPolicy/{namespace}")
        found = self._raw(client.NetworkingV1Api(self.api).list_namespaced_network_policy, namespace)
        return list((found or {}).get("items") or [])
