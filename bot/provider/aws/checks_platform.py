"""EKS, OpenSearch / Elasticsearch, ElastiCache, load balancers, CloudFront."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.provider.aws.declarative import FALSE, TRUE, Call, Expect, attr, custom
from bot.provider.aws.session import AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

EKS = Call("eks", "DescribeCluster", lambda i: {"name": i})
EKS_NF = ("ResourceNotFoundException",)
EKS_LOG_TYPES = ("api", "audit", "authenticator", "controllerManager", "scheduler")
OS = Call("opensearch", "DescribeDomain", lambda i: {"DomainName": i})
ES = Call("es", "DescribeElasticsearchDomain", lambda i: {"DomainName": i})
LBS = Call("elbv2", "DescribeLoadBalancers")
LB_ATTRS = Call("elbv2", "DescribeLoadBalancerAttributes")
HTTPS = ("redirect-to-https", "https-only")


def _domain(name: str, field: str) -> tuple[Registration[Any], ...]:
    path = f"DomainStatus.{field}"
    return (attr(name, ("aws_opensearch_domain",), OS, path, TRUE, not_found=EKS_NF, label=field),
            attr(name, ("aws_elasticsearch_domain",), ES, path, TRUE, not_found=EKS_NF, label=field))


def _lb_attribute(key: str, want: tuple[str, ...] = ("true",)) -> Callable[[AwsContext, str], Outcome]:
    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        arn = live_id
        if not live_id.startswith("arn:"):
            arn = ctx.call("elbv2", "DescribeLoadBalancers", Names=[live_id])["LoadBalancers"][0]["LoadBalancerArn"]
        attrs = ctx.call("elbv2", "DescribeLoadBalancerAttributes", LoadBalancerArn=arn).get("Attributes") or []
        value = next((a.get("Value") for a in attrs if a.get("Key") == key), None)
        return verified(**{key: value}) if value in want else failed(f"{key} is {value!r}, want {' or '.join(want)}",
                                                                     **{key: value})

    return fn


LOGS_ON = Expect("all five log types", lambda v: isinstance(v, list) and all(t in v for t in EKS_LOG_TYPES))
LB_TYPES = ("aws_lb", "aws_alb")
VIEWER_POLICIES = ("DistributionConfig.[DefaultCacheBehavior.ViewerProtocolPolicy, "
                   "CacheBehaviors.Items[].ViewerProtocolPolicy][]")
LB_NF = ("LoadBalancerNotFound",)

CHECKS: tuple[Registration[Any], ...] = (
    attr("eks_endpoint_private", ("aws_eks_cluster",), EKS, "cluster.resourcesVpcConfig.endpointPublicAccess",
         FALSE, not_found=EKS_NF, label="endpoint_public_access"),
    attr("eks_control_plane_logging", ("aws_eks_cluster",), EKS,
         "cluster.logging.clusterLogging[?enabled].types[]", LOGS_ON, not_found=EKS_NF, label="enabled_log_types"),
    attr("eks_secrets_encrypted", ("aws_eks_cluster",), EKS, "cluster.encryptionConfig[].resources[]",
         Expect("includes secrets", lambda v: isinstance(v, list) and "secrets" in v), not_found=EKS_NF,
         label="encrypted_resources"),
    *_domain("opensearch_encrypted_at_rest", "EncryptionAtRestOptions.Enabled"),
    *_domain("opensearch_node_to_node", "NodeToNodeEncryptionOptions.Enabled"),
    *_domain("opensearch_https_only", "DomainEndpointOptions.EnforceHTTPS"),
    attr("elasticache_encrypted", ("aws_elasticache_replication_group",),
         Call("elasticache", "DescribeReplicationGroups", lambda i: {"ReplicationGroupId": i}),
         "ReplicationGroups[0].[AtRestEncryptionEnabled, TransitEncryptionEnabled]",
         Expect("[True, True]", lambda v: v == [True, True]), not_found=("ReplicationGroupNotFoundFault",),
         label="at_rest_and_transit_encryption"),
    custom("alb_drop_invalid_headers", LB_TYPES, (LBS, LB_ATTRS),
           _lb_attribute("routing.http.drop_invalid_header_fields.enabled"), LB_NF),
    custom("lb_deletion_protection", LB_TYPES, (LBS, LB_ATTRS), _lb_attribute("deletion_protection.enabled"), LB_NF),
    attr("cloudfront_https_only", ("aws_cloudfront_distribution",),
         Call("cloudfront", "GetDistributionConfig", lambda i: {"Id": i}),
         VIEWER_POLICIES,
         Expect("https-only or redirect-to-https everywhere", lambda v: bool(v) and all(p in HTTPS for p in v)),
         not_found=("NoSuchDistribution",), label="viewer_protocol_policies"),
)

