"""Static knowledge the graph is built from: which types hold data, how references orient.

Everything here is a plain table so a reviewer can read (and extend) the graph's
assumptions in one place.
"""

from __future__ import annotations

from enum import StrEnum

INTERNET = "internet"
ANY_AWS = "aws:*"  # virtual node: "every AWS resource", the target of `Resource: "*"` policies
OWNER_PREFIX = "owner:"


class EdgeKind(StrEnum):
    reference = "reference"  # Terraform: one block references another
    network = "network"  # Terraform: a security group lets its sources reach its members
    iam_wildcard = "iam_wildcard"  # an IAM policy granting Resource "*"
    selector = "selector"  # Kubernetes Service -> workloads it selects
    backend = "backend"  # Kubernetes Ingress -> Service
    service_account = "service_account"  # workload -> ServiceAccount
    role_binding = "role_binding"  # ServiceAccount -> (Cluster)RoleBinding -> (Cluster)Role
    secret_access = "secret_access"  # (Cluster)Role granting read on Secrets -> Secret
    mounts = "mounts"  # workload -> Secret / PersistentVolumeClaim / ConfigMap it uses
    exposure = "exposure"  # internet -> exposed resource
    owns = "owns"  # owner -> resource (not a reach edge)


# Resource types that hold data (the blast radius counts these).
DATA_STORE_TYPES: frozenset[str] = frozenset(
    {
        # AWS
        "aws_s3_bucket",
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_dynamodb_table",
        "aws_efs_file_system",
        "aws_ebs_volume",
        "aws_elasticache_cluster",
        "aws_elasticache_replication_group",
        "aws_redshift_cluster",
        "aws_docdb_cluster",
        "aws_neptune_cluster",
        "aws_opensearch_domain",
        "aws_elasticsearch_domain",
        "aws_secretsmanager_secret",
        "aws_ssm_parameter",
        # Azure
        "azurerm_storage_account",
        "azurerm_storage_container",
        "azurerm_mssql_database",
        "azurerm_sql_database",
        "azurerm_postgresql_server",
        "azurerm_postgresql_flexible_server",
        "azurerm_mysql_server",
        "azurerm_mysql_flexible_server",
        "azurerm_cosmosdb_account",
        "azurerm_key_vault",
        # GCP
        "google_storage_bucket",
        "google_sql_database_instance",
        "google_bigquery_dataset",
        "google_spanner_instance",
        "google_secret_manager_secret",
        "google_filestore_instance",
        # Kubernetes
        "Secret",
        "PersistentVolumeClaim",
    }
)

# Connective blocks: they carry reachability but are not an asset of their own, so they do
# not add a hop to blast-radius distances.
GLUE_TYPES: frozenset[str] = frozenset(
    {
        "aws_lb_listener",
        "aws_alb_listener",
        "aws_lb_listener_rule",
        "aws_alb_listener_rule",
        "aws_lb_target_group",
        "aws_alb_target_group",
        "aws_lb_target_group_attachment",
        "aws_alb_target_group_attachment",
        "aws_iam_instance_profile",
        "aws_iam_role_policy",
        "aws_iam_role_policy_attachment",
        "aws_iam_policy_attachment",
        "aws_iam_user_policy_attachment",
        "aws_iam_group_policy_attachment",
        "aws_iam_policy_document",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "RoleBinding",
        "ClusterRoleBinding",
        ANY_AWS,
    }
)

# Referenced types that are network controls: whoever can reach the control reaches the
# resources that use it, so the edge runs control -> user.
NETWORK_CONTROL_TYPES: frozenset[str] = frozenset({"aws_security_group"})

# (referencing type, referenced type) pairs whose access flows from the referenced block to the
# referencing one. Default for every other pair: referencing -> referenced.
REVERSED_REFERENCES: frozenset[tuple[str, str]] = frozenset(
    {
        ("aws_lb_listener", "aws_lb"),
        ("aws_lb_listener", "aws_alb"),
        ("aws_alb_listener", "aws_alb"),
        ("aws_alb_listener", "aws_lb"),
        ("aws_lb_listener_rule", "aws_lb_listener"),
        ("aws_alb_listener_rule", "aws_alb_listener"),
        ("aws_lb_target_group_attachment", "aws_lb_target_group"),
        ("aws_alb_target_group_attachment", "aws_alb_target_group"),
        ("aws_ecs_service", "aws_lb_target_group"),
        ("aws_ecs_service", "aws_alb_target_group"),
        ("aws_autoscaling_group", "aws_lb_target_group"),
        ("aws_autoscaling_attachment", "aws_lb_target_group"),
        ("aws_iam_role_policy", "aws_iam_role"),
        ("aws_iam_role_policy_attachment", "aws_iam_role"),
        ("aws_iam_policy_attachment", "aws_iam_role"),
        ("aws_iam_user_policy_attachment", "aws_iam_user"),
        ("aws_iam_group_policy_attachment", "aws_iam_group"),
        ("aws_iam_user_policy", "aws_iam_user"),
        ("aws_iam_group_policy", "aws_iam_group"),
        ("aws_lambda_permission", "aws_lambda_function"),
        ("aws_api_gateway_integration", "aws_api_gateway_rest_api"),
    }
)

# Network plumbing: referencing a VPC or subnet places a block somewhere, it grants no reach.
PLACEMENT_TYPES: frozenset[str] = frozenset(
    {
        "aws_vpc",
        "aws_subnet",
        "aws_db_subnet_group",
        "aws_elasticache_subnet_group",
        "aws_route_table",
        "aws_route_table_association",
        "aws_internet_gateway",
        "aws_nat_gateway",
        "aws_eip",
        "azurerm_resource_group",
        "azurerm_virtual_network",
        "azurerm_subnet",
        "google_compute_network",
        "google_compute_subnetwork",
    }
)

# Security-group rule resources point at the group they extend; they are not its users.
SG_RULE_TYPES: frozenset[str] = frozenset(
    {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"}
)

# Types whose `Resource: "*"` statements grant access to every AWS resource.
IAM_POLICY_TYPES: frozenset[str] = frozenset(
    {
        "aws_iam_policy",
        "aws_iam_role_policy",
        "aws_iam_user_policy",
        "aws_iam_group_policy",
        "aws_iam_policy_document",
    }
)

# Kubernetes kinds that run pods, and where their pod template lives.
WORKLOAD_POD_SPEC: dict[str, tuple[str, ...]] = {
    "Pod": (),
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
}

# Ordinal weight of a data classification (unknown labels count as "internal").
CLASSIFICATION_WEIGHT: dict[str, float] = {
    "public": 0.0,
    "internal": 0.4,
    "confidential": 0.7,
    "sensitive": 0.7,
    "pii": 0.9,
    "restricted": 1.0,
    "secret": 1.0,
}
DEFAULT_CLASSIFICATION_WEIGHT = 0.4


def classification_weight(label: str | None) -> float:
    if not label:
        return 0.0
    return CLASSIFICATION_WEIGHT.get(label.strip().lower(), DEFAULT_CLASSIFICATION_WEIGHT)


def orient(referencing_type: str, referenced_type: str) -> tuple[bool, EdgeKind] | None:
    """(reversed?, kind) for a Terraform reference from `referencing` to `referenced`, or None
    when the reference carries no reach (placement in a VPC/subnet)."""
    if referenced_type in PLACEMENT_TYPES or referencing_type in PLACEMENT_TYPES:
        return None
    if referenced_type in NETWORK_CONTROL_TYPES and referencing_type not in SG_RULE_TYPES:
        return True, EdgeKind.network
    return (referencing_type, referenced_type) in REVERSED_REFERENCES, EdgeKind.reference
