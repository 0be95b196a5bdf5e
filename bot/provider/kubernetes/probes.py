"""Probes on a live pod spec (API JSON): the problems that remain, one concern each.

A probe returns the list of problems (empty: the fixed property holds) for one pod spec; the
desired resource (the manifest on the default branch) is there for checks that compare with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.models.resource import Resource

Spec = dict[str, Any]
Probe = Callable[[Spec, Resource], list[str]]


def containers(spec: Spec) -> list[dict[str, Any]]:
    return [c for key in ("initContainers", "containers") for c in spec.get(key) or [] if isinstance(c, dict)]


def _sc(c: dict[str, Any]) -> dict[str, Any]:
    return c.get("securityContext") or {}


def _caps(c: dict[str, Any], which: str) -> list[str]:
    return [str(x) for x in (_sc(c).get("capabilities") or {}).get(which) or []]


def each(test: Callable[[dict[str, Any], Spec], bool], what: str) -> Probe:
    """Every container passes `test`; the problem names the containers that do not."""
    def probe(spec: Spec, desired: Resource) -> list[str]:
        return [f"container {c.get('name')}: {what}" for c in containers(spec) if not test(c, spec)]

    return probe


def pod(test: Callable[[Spec], bool], what: str) -> Probe:
    def probe(spec: Spec, desired: Resource) -> list[str]:
        return [] if test(spec) else [what]

    return probe


def _effective(c: dict[str, Any], spec: Spec, key: str) -> Any:
    value = _sc(c).get(key)
    return value if value is not None else (spec.get("securityContext") or {}).get(key)


def _resource(kind: str, res: str) -> Probe:
    return each(lambda c, s: bool(((c.get("resources") or {}).get(kind) or {}).get(res)), f"no {kind}.{res}")


def _seccomp(c: dict[str, Any], spec: Spec) -> bool:
    profile = (_sc(c).get("seccompProfile") or (spec.get("securityContext") or {}).get("seccompProfile") or {})
    return profile.get("type") == "RuntimeDefault"


def desired_template(desired: Resource) -> Spec:
    from bot.provider.kubernetes.objects import pod_spec

    return pod_spec(desired.type, desired.attributes)


def _same_images(spec: Spec, desired: Resource) -> list[str]:
    want = {c.get("name"): c.get("image") for c in containers(desired_template(desired))}
    return [f"container {c.get('name')}: image {c.get('image')}, want {want[c.get('name')]}"
            for c in containers(spec) if c.get("name") in want and c.get("image") != want[c.get("name")]]


def _runtime_class(spec: Spec, desired: Resource) -> list[str]:
    want = desired_template(desired).get("runtimeClassName")
    got = spec.get("runtimeClassName")
    return [] if want and got == want else [f"runtimeClassName is {got!r}, want {want!r}"]


PROBES: dict[str, Probe] = {
    "k8s_containers_not_privileged": each(lambda c, s: _sc(c).get("privileged") is not True, "privileged"),
    "k8s_no_sys_admin_capability": each(lambda c, s: "SYS_ADMIN" not in _caps(c, "add"), "adds SYS_ADMIN"),
    "k8s_no_added_capabilities": each(lambda c, s: not _caps(c, "add"), "adds capabilities"),
    "k8s_no_privilege_escalation": each(lambda c, s: _sc(c).get("allowPrivilegeEscalation") is False,
                                        "allowPrivilegeEscalation not false"),
    "k8s_run_as_non_root": each(lambda c, s: _effective(c, s, "runAsNonRoot") is True, "runAsNonRoot not true"),
    "k8s_run_as_high_uid": each(lambda c, s: isinstance(_effective(c, s, "runAsUser"), int)
                                and _effective(c, s, "runAsUser") >= 10000, "runAsUser below 10000"),
    "k8s_read_only_root_filesystem": each(lambda c, s: _sc(c).get("readOnlyRootFilesystem") is True,
                                          "root filesystem writable"),
    "k8s_capabilities_drop_all": each(lambda c, s: "ALL" in _caps(c, "drop"), "does not drop ALL"),
    "k8s_capabilities_drop_net_raw": each(lambda c, s: bool({"ALL", "NET_RAW"} & set(_caps(c, "drop"))),
                                          "does not drop NET_RAW"),
    "k8s_seccomp_runtime_default": each(_seccomp, "seccomp profile not RuntimeDefault"),
    "k8s_pod_security_context": pod(lambda s: bool(s.get("securityContext")), "no pod securityContext"),
    "k8s_container_security_context": each(lambda c, s: bool(_sc(c)), "no securityContext"),
    "k8s_no_host_network": pod(lambda s: s.get("hostNetwork") is not True, "hostNetwork true"),
    "k8s_no_host_pid": pod(lambda s: s.get("hostPID") is not True, "hostPID true"),
    "k8s_no_host_ipc": pod(lambda s: s.get("hostIPC") is not True, "hostIPC true"),
    "k8s_service_account_token_not_mounted": pod(lambda s: s.get("automountServiceAccountToken") is False,
                                                 "automountServiceAccountToken not false"),
    "k8s_cpu_requests_set": _resource("requests", "cpu"),
    "k8s_cpu_limits_set": _resource("limits", "cpu"),
    "k8s_memory_requests_set": _resource("requests", "memory"),
    "k8s_memory_limits_set": _resource("limits", "memory"),
    "k8s_image_pull_policy_always": each(lambda c, s: c.get("imagePullPolicy") == "Always",
                                         "imagePullPolicy not Always"),
    "k8s_no_host_port": each(lambda c, s: not any(p.get("hostPort") for p in c.get("ports") or []), "hostPort set"),
    "k8s_image_tag_upgraded": _same_images,
    "k8s_runtime_class_approved": _runtime_class,
}
