"""Exposure detectors: which blocks the internet reaches directly, and the evidence why.

One detector per resource type, in an explicit registry. A detector returns
(target address, evidence) pairs; the builder turns each into an `internet → target` edge.
A missing public-access block is deliberately NOT exposure on its own; exposure is read on the
effective configuration: a public ACL or policy exposes its bucket only when no public-access
block of that bucket switches it off, and a block whose switches are off is itself exposed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from bot.graph.catalog import INTERNET, EdgeKind
from bot.graph.edges import Index, link
from bot.graph.kubernetes import KUBERNETES_EXPOSURE
from bot.graph.values import blocks, clip, compact, has_public_principal, is_true, text, texts
from bot.models.resource import Resource

Exposure = list[tuple[str, str]]
Detector = Callable[[Resource, Index], Exposure]

OPEN_CIDRS = frozenset({"0.0.0.0/0", "::/0"})
PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "website"})
AZURE_ANY_SOURCES = frozenset({"*", "0.0.0.0/0", "internet", "any", "::/0"})
GCP_PUBLIC_MEMBERS = frozenset({"allusers", "allauthenticatedusers"})


def _ports(rule: dict[str, Any]) -> str:
    low, high, proto = clip(rule.get("from_port"), 20), clip(rule.get("to_port"), 20), text(rule.get("protocol"))
    if proto in {"-1", "all"} or (low in {"0", ""} and high in {"0", "65535", ""}):
        return "all ports"
    return f"port {low}" if low == high or not high else f"ports {low}-{high}"


def _open_cidrs(rule: dict[str, Any], *keys: str) -> list[str]:
    return sorted({c for key in keys for c in texts(rule.get(key)) if c in OPEN_CIDRS})


def _via_group(index: Index, sg_address: str, why: str) -> Exposure:
    """The group and each of its members, with the rule that opens them."""
    member_why = f"member of {why}" if why.startswith(sg_address) else f"member of {sg_address}, {why}"
    return [(sg_address, why)] + [(m, member_why) for m in index.members(sg_address)]


def security_group(r: Resource, index: Index) -> Exposure:
    out: Exposure = []
    for rule in blocks(r.attributes, "ingress"):
        cidrs = _open_cidrs(rule, "cidr_blocks", "ipv6_cidr_blocks")
        if cidrs:
            out += _via_group(index, r.address, f"{r.address}: ingress from {', '.join(cidrs)} on {_ports(rule)}")
    return out


def security_group_rule(r: Resource, index: Index) -> Exposure:
    attrs = r.attributes
    if r.type == "aws_security_group_rule":
        if text(attrs.get("type")) != "ingress":
            return []
        cidrs = _open_cidrs(attrs, "cidr_blocks", "ipv6_cidr_blocks")
    else:
        cidrs = _open_cidrs(attrs, "cidr_ipv4", "cidr_ipv6")
    if not cidrs:
        return []
    why = f"{r.address}: ingress from {', '.join(cidrs)} on {_ports(attrs)}"
    out: Exposure = [(r.address, why)]
    for group in index.referenced(r, "aws_security_group"):
        out += _via_group(index, group.address, why)
    return out


PAB = "aws_s3_bucket_public_access_block"
ACL_SWITCHES = ("block_public_acls", "ignore_public_acls")  # either one makes a public ACL ineffective
POLICY_SWITCHES = ("block_public_policy", "restrict_public_buckets")  # either one stops a public policy


def _blocks_of(index: Index, bucket: str) -> list[Resource]:
    return [index.by_address[u] for u in index.users.get(bucket, []) if index.by_address[u].type == PAB]


def _blocked(index: Index, bucket: str, switches: tuple[str, ...]) -> bool:
    """Does a public-access block of this bucket have one of `switches` on (effective config)?"""
    return any(is_true(b.attributes.get(s)) for b in _blocks_of(index, bucket) for s in switches)


def _public_acl(r: Resource) -> str | None:
    acl = text(r.attributes.get("acl"))
    return f'{r.address}: acl = "{acl}"' if acl in PUBLIC_ACLS else None


def _public_policy(r: Resource, index: Index) -> str | None:
    public = has_public_principal(compact(r.attributes.get("policy", "")))
    public = public or any(_document_is_public(d) for d in index.referenced(r, "aws_iam_policy_document"))
    return f'{r.address}: bucket policy allows Principal "*"' if public else None


def s3_bucket(r: Resource, index: Index) -> Exposure:
    why = _public_acl(r)
    return [(r.address, why)] if why is not None and not _blocked(index, r.address, ACL_SWITCHES) else []


def s3_bucket_acl(r: Resource, index: Index) -> Exposure:
    why = _public_acl(r)
    if why is None:
        return []
    buckets = [b.address for b in index.referenced(r, "aws_s3_bucket")]
    open_buckets = [b for b in buckets if not _blocked(index, b, ACL_SWITCHES)]
    return [(r.address, why)] + [(b, why) for b in open_buckets] if open_buckets or not buckets else []


def _document_is_public(doc: Resource) -> bool:
    for statement in blocks(doc.attributes, "statement"):
        if text(statement.get("effect")).lower() == "deny":
            continue
        for principal in blocks(statement, "principals"):
            if "*" in texts(principal.get("identifiers")):
                return True
    return False


def s3_bucket_policy(r: Resource, index: Index) -> Exposure:
    why = _public_policy(r, index)
    if why is None:
        return []
    buckets = [b.address for b in index.referenced(r, "aws_s3_bucket")]
    open_buckets = [b for b in buckets if not _blocked(index, b, POLICY_SWITCHES)]
    return [(r.address, why)] + [(b, why) for b in open_buckets] if open_buckets or not buckets else []


def _grants(index: Index, bucket: Resource) -> list[tuple[str, tuple[str, ...]]]:
    """What makes `bucket` public if nothing blocks it: (evidence, the switches that would block it)."""
    out: list[tuple[str, tuple[str, ...]]] = [(w, ACL_SWITCHES) for w in [_public_acl(bucket)] if w is not None]
    for user in (index.by_address[u] for u in index.users.get(bucket.address, [])):
        if user.type == "aws_s3_bucket_acl" and (why := _public_acl(user)) is not None:
            out.append((why, ACL_SWITCHES))
        elif user.type == "aws_s3_bucket_policy" and (why := _public_policy(user, index)) is not None:
            out.append((why, POLICY_SWITCHES))
    return out


def s3_public_access_block(r: Resource, index: Index) -> Exposure:
    """A block with its switches off is what lets a public ACL or policy expose the bucket: the
    block is exposed too, with evidence naming both resources."""
    out: Exposure = []
    for bucket in index.referenced(r, "aws_s3_bucket"):
        for why, switches in _grants(index, bucket):
            if _blocked(index, bucket.address, switches):
                continue
            off = " and ".join(f"{s} off" for s in switches)
            out.append((r.address, f"{r.address}: {off} while {why} makes {bucket.address} public"))
    return out


def load_balancer(r: Resource, _index: Index) -> Exposure:
    internal = r.attributes.get("internal")
    if internal is None:
        return [(r.address, f"{r.address}: internal not set (internet-facing by default)")]
    return [(r.address, f"{r.address}: internal = false")] if not is_true(internal) else []


def _flag(attribute: str) -> Detector:
    def detect(r: Resource, _index: Index) -> Exposure:
        value = r.attributes.get(attribute)
        return [(r.address, f"{r.address}: {attribute} = true")] if is_true(value) else []

    return detect


def gcp_firewall(r: Resource, _index: Index) -> Exposure:
    if text(r.attributes.get("direction") or "INGRESS").upper() != "INGRESS":
        return []
    cidrs = sorted(set(texts(r.attributes.get("source_ranges"))) & OPEN_CIDRS)
    return [(r.address, f"{r.address}: source_ranges include {', '.join(cidrs)}")] if cidrs else []


def gcs_iam(r: Resource, index: Index) -> Exposure:
    members = texts(r.attributes.get("members")) + texts(r.attributes.get("member"))
    public = sorted({m for m in members if m.lower() in GCP_PUBLIC_MEMBERS})
    if not public:
        return []
    why = f"{r.address}: grants {', '.join(public)}"
    return [(r.address, why)] + [(b.address, why) for b in index.referenced(r, "google_storage_bucket")]


def _azure_rule_open(rule: dict[str, Any]) -> bool:
    if text(rule.get("direction")).lower() != "inbound" or text(rule.get("access")).lower() != "allow":
        return False
    sources = texts(rule.get("source_address_prefix")) + texts(rule.get("source_address_prefixes"))
    return any(s.lower() in AZURE_ANY_SOURCES for s in sources)


def azure_nsg(r: Resource, index: Index) -> Exposure:
    rules = blocks(r.attributes, "security_rule")
    if not any(_azure_rule_open(rule) for rule in rules):
        return []
    why = f"{r.address}: inbound rule allows any source"
    return [(r.address, why)] + [(u, f"{why} via {r.address}") for u in index.users.get(r.address, [])]


def azure_nsg_rule(r: Resource, index: Index) -> Exposure:
    if not _azure_rule_open(r.attributes):
        return []
    why = f"{r.address}: inbound rule allows any source"
    groups = index.referenced(r, "azurerm_network_security_group")
    return [(r.address, why)] + [(g.address, why) for g in groups]


def azure_container(r: Resource, index: Index) -> Exposure:
    access = text(r.attributes.get("container_access_type"))
    if access not in {"blob", "container"}:
        return []
    why = f'{r.address}: container_access_type = "{access}"'
    return [(r.address, why)] + [(a.address, why) for a in index.referenced(r, "azurerm_storage_account")]


TERRAFORM_EXPOSURE: dict[str, Detector] = {
    "aws_security_group": security_group,
    "aws_security_group_rule": security_group_rule,
    "aws_vpc_security_group_ingress_rule": security_group_rule,
    "aws_s3_bucket": s3_bucket,
    "aws_s3_bucket_acl": s3_bucket_acl,
    "aws_s3_bucket_policy": s3_bucket_policy,
    PAB: s3_public_access_block,
    "aws_lb": load_balancer,
    "aws_alb": load_balancer,
    "aws_elb": load_balancer,
    "aws_instance": _flag("associate_public_ip_address"),
    "aws_db_instance": _flag("publicly_accessible"),
    "aws_rds_cluster_instance": _flag("publicly_accessible"),
    "google_compute_firewall": gcp_firewall,
    "google_storage_bucket_iam_member": gcs_iam,
    "google_storage_bucket_iam_binding": gcs_iam,
    "azurerm_network_security_group": azure_nsg,
    "azurerm_network_security_rule": azure_nsg_rule,
    "azurerm_storage_container": azure_container,
}


def add_exposure_edges(graph: nx.DiGraph, index: Index) -> None:
    registry: dict[str, Detector] = {**TERRAFORM_EXPOSURE, **KUBERNETES_EXPOSURE}
    for resource in index.resources:
        detector = registry.get(resource.type)
        if detector is None:
            continue
        for target, why in detector(resource, index):
            link(graph, INTERNET, target, EdgeKind.exposure, why)
            if resource.type == PAB and target == resource.address:  # the block opens the way to its bucket
                for bucket in index.referenced(resource, "aws_s3_bucket"):
                    why = f"{target} configures {bucket.address}"
                    link(graph, resource.address, bucket.address, EdgeKind.reference, why)
