"""Hand-built resources, findings and a stand-in repository context for graph/risk tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.graph import SecurityGraph, build_graph
from bot.models.common import LineSpan, Severity
from bot.models.finding import Finding, SourceRef, fingerprint
from bot.models.resource import IacKind, Inventory, Resource


def tf(
    address: str,
    attributes: Mapping[str, Any] | None = None,
    references: Iterable[str] = (),
    tags: Mapping[str, str] | None = None,
    file: str = "terraform/prod/main.tf",
) -> Resource:
    parts = address.split(".")
    rtype, name = (parts[1], parts[2]) if parts[0] == "data" else (parts[0], parts[1])
    return Resource(
        address=address,
        kind=IacKind.terraform,
        type=rtype,
        name=name,
        file=file,
        line=LineSpan(start=1, end=2),
        byte_start=0,
        byte_end=1,
        attributes=dict(attributes or {}),
        tags=dict(tags or {}),
        references=tuple(references),
    )


def k8s(kind: str, name: str, obj: Mapping[str, Any] | None = None, namespace: str = "default") -> Resource:
    body = {"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": namespace}, **(obj or {})}
    return Resource(
        address=f"{kind}.{namespace}.{name}",
        kind=IacKind.kubernetes,
        type=kind,
        name=name,
        namespace=namespace,
        file="k8s/app.yaml",
        line=LineSpan(start=1, end=2),
        byte_start=0,
        byte_end=1,
        attributes=body,
    )


@dataclass(frozen=True)
class Ctx:
    environment: str | None = None
    owners: tuple[str, ...] = ()
    data_classification: str | None = "internal"
    criticality: str | None = "medium"
    evidence: Mapping[str, str] = field(default_factory=dict)


@dataclass
class FakeContext:
    """Context per address; addresses not listed get `default`."""

    per_address: dict[str, Ctx] = field(default_factory=dict)
    default: Ctx = field(default_factory=Ctx)

    def for_resource(self, resource: Resource) -> Ctx:
        return self.per_address.get(resource.address, self.default)


def graph_of(*resources: Resource, context: FakeContext | None = None) -> SecurityGraph:
    inventory = Inventory(root="/repo", resources=tuple(resources))
    return build_graph(inventory, context or FakeContext())


def finding_for(
    resource: Resource, rule_id: str = "CKV_AWS_20", severity: Severity = Severity.high, **extra: Any
) -> Finding:
    return Finding(
        id=fingerprint(rule_id, resource.address, None, None),
        source="checkov",
        rule_id=rule_id,
        title="S3 Bucket has an ACL defined which allows public READ access.",
        severity=severity,
        resource=resource.address,
        file=resource.file,
        line=resource.line,
        sources=(SourceRef(source="checkov", tool="checkov", rule_id=rule_id),),
        **extra,
    )


BUCKET = tf("aws_s3_bucket.payments", {"bucket": "acme-payments"})


def api_chain() -> list[Resource]:
    """internet-facing ALB → listener → target group → attachment → instance → profile → role → policy → bucket."""
    return [
        BUCKET,
        tf("aws_lb.public", {"internal": False, "load_balancer_type": "application"}),
        tf("aws_lb_listener.https", {"port": 443}, ["aws_lb.public", "aws_lb_target_group.api"]),
        tf("aws_lb_target_group.api", {"port": 8080}),
        tf("aws_lb_target_group_attachment.api", {}, ["aws_lb_target_group.api", "aws_instance.api"]),
        tf("aws_instance.api", {"instance_type": "t3.small"}, ["aws_iam_instance_profile.api"]),
        tf("aws_iam_instance_profile.api", {}, ["aws_iam_role.api"]),
        tf("aws_iam_role.api", {"assume_role_policy": "jsonencode({})"}),
        tf(
            "aws_iam_role_policy.api_s3",
            {
                "policy": 'jsonencode({Statement = [{Effect = "Allow", Action = ["s3:GetObject"], '
                "Resource = [aws_s3_bucket.payments.arn]}]})"
            },
            ["aws_iam_role.api", "aws_s3_bucket.payments"],
        ),
    ]
