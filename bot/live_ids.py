"""Live resource identifiers (AWS ARN, GCP resource name, Azure resource id, Kubernetes
object) parsed into what the IaC lookup needs: candidate block types, the attributes that
hold the resource's name, and the name itself.

An identifier may hold an opaque id instead of a name (`security-group/sg-0ab…`,
`instance/i-…`): then `name` is None and the mapping relies on the source's name hint, tags
or the Terraform state.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

K8S_PREFIX = "k8s:"


@dataclass(frozen=True)
class Target:
    types: tuple[str, ...]  # Terraform resource types that create this kind of live resource
    attrs: tuple[str, ...]  # attributes whose literal value is the live name ("" → tags only)


@dataclass(frozen=True)
class LiveId:
    family: str  # "arn" | "gcp" | "azure" | "k8s"
    kind: str  # e.g. "s3", "security-group", "storage/buckets", "microsoft.storage/storageaccounts"
    name: str | None  # the resource's name, when the identifier holds one
    scope: str | None = None  # Azure resource group, GCP project, Kubernetes namespace
    target: Target | None = None  # None: a kind fixbot does not know how to find in IaC


_AWS: dict[str, Target] = {
    "s3": Target(("aws_s3_bucket",), ("bucket",)),
    "security-group": Target(("aws_security_group",), ("name",)),
    "policy": Target(("aws_iam_policy",), ("name",)),
    "role": Target(("aws_iam_role",), ("name",)),
    "user": Target(("aws_iam_user",), ("name",)),
    "db": Target(("aws_db_instance",), ("identifier",)),
    "cluster": Target(("aws_rds_cluster", "aws_eks_cluster"), ("cluster_identifier", "name")),
    "instance": Target(("aws_instance",), ()),
    "vpc": Target(("aws_vpc",), ()),
    "subnet": Target(("aws_subnet",), ()),
    "volume": Target(("aws_ebs_volume",), ()),
    "key": Target(("aws_kms_key",), ()),
    "function": Target(("aws_lambda_function",), ("function_name",)),
    "loadbalancer": Target(("aws_lb", "aws_alb", "aws_elb"), ("name",)),
    "table": Target(("aws_dynamodb_table",), ("name",)),
    "trail": Target(("aws_cloudtrail",), ("name",)),
    "sns": Target(("aws_sns_topic",), ("name",)),
    "sqs": Target(("aws_sqs_queue",), ("name",)),
    "repository": Target(("aws_ecr_repository",), ("name",)),
    "secret": Target(("aws_secretsmanager_secret",), ("name",)),
    "log-group": Target(("aws_cloudwatch_log_group",), ("name",)),
}
_AWS_OPAQUE = {"security-group", "instance", "vpc", "subnet", "volume", "key"}  # ids, not names
_AWS_TYPELESS = {"s3", "sns", "sqs"}  # `arn:aws:sqs:r:a:NAME`: no resource-type segment

_GCP: dict[str, Target] = {
    "storage/buckets": Target(("google_storage_bucket",), ("name",)),
    "compute/firewalls": Target(("google_compute_firewall",), ("name",)),
    "compute/instances": Target(("google_compute_instance",), ("name",)),
    "compute/networks": Target(("google_compute_network",), ("name",)),
    "compute/subnetworks": Target(("google_compute_subnetwork",), ("name",)),
    "sqladmin/instances": Target(("google_sql_database_instance",), ("name",)),
    "container/clusters": Target(("google_container_cluster",), ("name",)),
    "cloudkms/cryptoKeys": Target(("google_kms_crypto_key",), ("name",)),
}

_AZURE: dict[str, Target] = {
    "microsoft.storage/storageaccounts": Target(("azurerm_storage_account",), ("name",)),
    "microsoft.network/networksecuritygroups": Target(("azurerm_network_security_group",), ("name",)),
    "microsoft.compute/virtualmachines": Target(
        ("azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine"), ("name",)),
    "microsoft.keyvault/vaults": Target(("azurerm_key_vault",), ("name",)),
    "microsoft.sql/servers": Target(("azurerm_mssql_server", "azurerm_sql_server"), ("name",)),
    "microsoft.containerservice/managedclusters": Target(("azurerm_kubernetes_cluster",), ("name",)),
    "microsoft.web/sites": Target(("azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service"),
                                  ("name",)),
}


def parse(asset: str) -> LiveId | None:
    """The identifier's family, kind and name; None when it is none of the known families."""
    text = asset.strip()
    if text.startswith("arn:"):
        return parse_arn(text)
    if text.startswith("//"):
        return parse_gcp(text)
    if text.lower().startswith("/subscriptions/"):
        return parse_azure(text)
    if text.startswith(K8S_PREFIX):
        return parse_k8s(text)
    return None


def parse_arn(arn: str) -> LiveId | None:
    """`arn:partition:service:region:account:resource` (resource `type/id`, `type:id` or `id`)."""
    parts = arn.split(":", 5)
    if len(parts) < 6:
        return None
    service, resource = parts[2], parts[5]
    if service in _AWS_TYPELESS:
        name = resource.split("/", 1)[0] if service == "s3" else resource
        return LiveId("arn", service, name or None, target=_AWS[service])
    sep = min((i for i in (resource.find("/"), resource.find(":")) if i >= 0), default=-1)
    if sep < 0:
        return LiveId("arn", service, resource or None)
    kind, rest = resource[:sep], resource[sep + 1:]
    if kind == "loadbalancer":  # loadbalancer/app/NAME/ID
        pieces = rest.split("/")
        rest = pieces[1] if len(pieces) > 2 else pieces[0]
    named = None if kind in _AWS_OPAQUE else rest.replace(":", "/").rsplit("/", 1)[-1] or None
    return LiveId("arn", kind, named, target=_AWS.get(kind))


def parse_gcp(name: str) -> LiveId | None:
    """`//storage.googleapis.com/projects/_/buckets/B` (or `//storage.googleapis.com/B`),
    `//compute.googleapis.com/projects/P/global/firewalls/F`, ..."""
    host, _, path = name[2:].partition("/")
    service = host.removesuffix(".googleapis.com")
    segments = [unquote(s) for s in path.split("/") if s]
    if not segments:
        return None
    project = segments[1] if len(segments) > 1 and segments[0] == "projects" else None
    if service == "storage" and len(segments) == 1:
        return LiveId("gcp", "storage/buckets", segments[0], target=_GCP["storage/buckets"])
    if len(segments) < 2:
        return None
    kind = f"{service}/{segments[-2]}"
    return LiveId("gcp", kind, segments[-1], scope=project if project != "_" else None, target=_GCP.get(kind))


def parse_azure(rid: str) -> LiveId | None:
    """`/subscriptions/S/resourceGroups/RG/providers/Namespace/type/NAME[/child/NAME]`."""
    segments = [s for s in rid.split("/") if s]
    lowered = [s.lower() for s in segments]
    if "providers" not in lowered:
        return None
    at = lowered.index("providers")
    rest = segments[at + 1:]
    if len(rest) < 3:
        return None
    group = segments[lowered.index("resourcegroups") + 1] if "resourcegroups" in lowered[:at] else None
    kind = f"{rest[0]}/{rest[1]}".lower()
    return LiveId("azure", kind, rest[2], scope=group, target=_AZURE.get(kind))


def parse_k8s(ref: str) -> LiveId | None:
    """`k8s:NAMESPACE/Kind/NAME`, the asset the Kubernetes sources (Falco, audit) write."""
    pieces = ref[len(K8S_PREFIX):].split("/")
    if len(pieces) != 3 or not all(pieces):
        return None
    namespace, kind, name = pieces
    return LiveId("k8s", kind, name, scope=namespace)


def k8s_asset(namespace: str | None, kind: str, name: str) -> str:
    return f"{K8S_PREFIX}{namespace or 'default'}/{kind}/{name}"
