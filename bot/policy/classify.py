"""What an action does, derived from the catalogue's action name and the inventoried resource
type — never from a finding's text. Explicit tables, so a reviewer can see every case."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from bot.models.plan import Plan

IAM_TYPE_PREFIXES = ("aws_iam_", "azurerm_role_", "azuread_", "google_service_account")
IAM_TYPE_MARKERS = ("_iam_",)  # google_project_iam_member, google_storage_bucket_iam_binding, ...
IAM_KINDS = frozenset({"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"})
IAM_ACTION_TOKENS = frozenset({"iam", "rbac", "role", "roles", "permission", "permissions"})

NETWORK_TYPE_PREFIXES = (
    "aws_security_group",
    "aws_default_security_group",
    "aws_vpc_security_group_",
    "aws_network_acl",
    "aws_default_network_acl",
    "aws_route",
    "aws_networkfirewall_",
    "google_compute_firewall",
    "azurerm_network_security_",
    "azurerm_firewall",
)
NETWORK_KINDS = frozenset({"NetworkPolicy", "Ingress", "Service"})
NETWORK_ACTION_TOKENS = frozenset(
    {"ingress", "egress", "firewall", "network", "cidr", "port", "ports", "ssh", "rdp", "subnet", "endpoint"}
)

DELETE_ACTIONS = frozenset({"remove_resource", "destroy_resource"})
DELETE_ACTION_PREFIX = "delete_"

SECRET_TYPES = frozenset(
    {
        "aws_secretsmanager_secret",
        "aws_ssm_parameter",
        "aws_iam_access_key",
        "google_secret_manager_secret",
        "azurerm_key_vault_secret",
        "Secret",
    }
)

SecretScope = Literal["single_service", "multi_service"]


def _tokens(action: str) -> set[str]:
    return set(action.lower().split("_"))


def changes_iam(action: str, resource_type: str | None) -> bool:
    rtype = resource_type or ""
    by_type = rtype.startswith(IAM_TYPE_PREFIXES) or any(m in rtype for m in IAM_TYPE_MARKERS)
    return by_type or rtype in IAM_KINDS or bool(_tokens(action) & IAM_ACTION_TOKENS)


def changes_network(action: str, resource_type: str | None) -> bool:
    rtype = resource_type or ""
    by_type = rtype.startswith(NETWORK_TYPE_PREFIXES) or rtype in NETWORK_KINDS
    return by_type or bool(_tokens(action) & NETWORK_ACTION_TOKENS)


def deletes_resource(action: str, plan: Plan | None) -> bool:
    """A delete action, or a plan that removes a whole file."""
    by_action = action.startswith(DELETE_ACTION_PREFIX) or action in DELETE_ACTIONS
    return by_action or (plan is not None and any(e.after is None for e in plan.edits))


def secret_scope(resource_type: str | None, consumers: Iterable[str]) -> SecretScope | None:
    """For a secret: one consumer (or none) is single-service; more is multi-service."""
    if resource_type not in SECRET_TYPES:
        return None
    return "single_service" if len(set(consumers)) <= 1 else "multi_service"
