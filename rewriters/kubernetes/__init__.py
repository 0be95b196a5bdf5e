"""The Kubernetes fix catalogue, listed explicitly (the registry in `rewriters` imports it)."""

from __future__ import annotations

from rewriters.base import Rewriter
from rewriters.kubernetes import (
    add_network_policy,
    add_security_label,
    container_security_context,
    cpu_limits,
    cpu_requests,
    default_service_account,
    disable_host_ipc,
    disable_host_network,
    disable_host_pid,
    disable_privilege_escalation,
    disable_privileged,
    disable_service_account_token,
    drop_all_capabilities,
    drop_net_raw,
    image_pull_policy_always,
    image_tag_upgrade,
    memory_limits,
    memory_requests,
    pod_security_context,
    read_only_root_filesystem,
    remove_added_capabilities,
    remove_host_port,
    remove_sys_admin,
    run_as_high_uid,
    run_as_non_root,
    seccomp_runtime_default,
    set_namespace,
    set_runtime_class,
)

# Order matters when several findings on one resource compose: what makes a later fix
# invalid (privileged, added SYS_ADMIN) is removed first.
KUBERNETES_REWRITERS: tuple[Rewriter, ...] = (
    disable_privileged.REWRITER,
    remove_sys_admin.REWRITER,
    remove_added_capabilities.REWRITER,
    disable_privilege_escalation.REWRITER,
    run_as_non_root.REWRITER,
    run_as_high_uid.REWRITER,
    read_only_root_filesystem.REWRITER,
    drop_all_capabilities.REWRITER,
    drop_net_raw.REWRITER,
    seccomp_runtime_default.REWRITER,
    pod_security_context.REWRITER,
    container_security_context.REWRITER,
    disable_host_network.REWRITER,
    disable_host_pid.REWRITER,
    disable_host_ipc.REWRITER,
    disable_service_account_token.REWRITER,
    default_service_account.REWRITER,
    cpu_requests.REWRITER,
    cpu_limits.REWRITER,
    memory_requests.REWRITER,
    memory_limits.REWRITER,
    image_pull_policy_always.REWRITER,
    remove_host_port.REWRITER,
    set_namespace.REWRITER,
    set_runtime_class.REWRITER,
    add_security_label.REWRITER,
    add_network_policy.REWRITER,
    image_tag_upgrade.REWRITER,
)

KUBERNETES = KUBERNETES_REWRITERS  # the name the catalogue registry imports
