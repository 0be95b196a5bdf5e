"""A loopback Kubernetes API server stand-in: `GET` on the real API paths, recorded objects only.

Every object it serves is first validated against the Kubernetes OpenAPI schemas that
`kubernetes-validate` ships (strict: unknown fields are errors), so a test can never feed the
provider an object a real API server would not return.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import kubernetes_validate

K8S_VERSION = "1.37.0"
ROUTES: dict[str, tuple[str, str]] = {  # kind -> (API prefix, plural)
    "Pod": ("/api/v1", "pods"),
    "ReplicationController": ("/api/v1", "replicationcontrollers"),
    "ServiceAccount": ("/api/v1", "serviceaccounts"),
    "Deployment": ("/apis/apps/v1", "deployments"),
    "StatefulSet": ("/apis/apps/v1", "statefulsets"),
    "DaemonSet": ("/apis/apps/v1", "daemonsets"),
    "ReplicaSet": ("/apis/apps/v1", "replicasets"),
    "Job": ("/apis/batch/v1", "jobs"),
    "CronJob": ("/apis/batch/v1", "cronjobs"),
    "NetworkPolicy": ("/apis/networking.k8s.io/v1", "networkpolicies"),
}


class Cluster:
    def __init__(self) -> None:
        self.objects: dict[str, dict[str, Any]] = {}  # path -> object
        self.requests: list[str] = []

    def add(self, obj: dict[str, Any]) -> None:
        kubernetes_validate.validate(obj, K8S_VERSION, strict=True)
        kind, meta = obj["kind"], obj["metadata"]
        prefix, plural = ROUTES[kind]
        self.objects[f"{prefix}/namespaces/{meta.get('namespace', 'default')}/{plural}/{meta['name']}"] = obj

    def clear(self) -> None:
        self.objects.clear()

    def get(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        if path in self.objects:
            return 200, self.objects[path]
        items = [o for p, o in sorted(self.objects.items()) if p.rsplit("/", 1)[0] == path]
        kind = next((k for k, (prefix, plural) in ROUTES.items() if path.startswith(prefix)
                     and path.endswith("/" + plural)), None)
        if kind is None:
            return 404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404}
        wanted = dict(s.split("=", 1) for s in (query.get("labelSelector") or [""])[0].split(",") if "=" in s)
        items = [o for o in items if all((o["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())]
        version = ROUTES[kind][0].removeprefix("/apis/").removeprefix("/api/")
        return 200, {"kind": f"{kind}List", "apiVersion": version, "metadata": {}, "items": items}


@contextmanager
def standin() -> Iterator[tuple[str, Cluster]]:
    cluster = Cluster()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            cluster.requests.append(self.path)
            status, body = cluster.get(url.path, parse_qs(url.query))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", cluster
    finally:
        server.shutdown()
        server.server_close()
