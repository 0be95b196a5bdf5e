"""Checks for the second wave of AWS rewriters (RDS, Lambda, EC2, EKS, CloudTrail, KMS, load
balancers, DynamoDB, ElastiCache, Redshift, OpenSearch, CloudFront, S3, ECR, Secrets Manager, EFS)."""

from __future__ import annotations

from typing import Any

from bot.provider.aws.checks_ec2 import INSTANCE_NF, LC, LT, SG, SG_NOT_FOUND, SG_TYPES, _no_public_port
from bot.provider.aws.checks_platform import ES, LB_ATTRS, LB_NF, LB_TYPES, LBS, OS, _lb_attribute
from bot.provider.aws.checks_rds import CL, CL_NF, CLUSTER, DB, DB_NF, REDSHIFT
from bot.provider.aws.checks_s3 import NO_BUCKET, _bucket
from bot.provider.aws.checks_services import ECR, ECR_NF, TRAIL
from bot.provider.aws.declarative import SET, TRUE, Call, Expect, at_least, attr, custom, eq, one_of
from bot.provider.aws.session import AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

FN = Call("lambda", "GetFunctionConfiguration", lambda i: {"FunctionName": i})
FN_NF = ("ResourceNotFoundException",)
MEMBERS = ("aws_db_instance", "aws_rds_cluster_instance")
DEPRECATED_RUNTIMES = ("python2.7", "python3.6", "python3.7", "python3.8", "nodejs", "nodejs4.3", "nodejs6.10",
                       "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "ruby2.5", "ruby2.7",
                       "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "go1.x",
                       "java8")
NOT_TRUE = Expect("not true", lambda v: v is not True)
KEY_NF = ("NotFoundException",)
CF = Call("cloudfront", "GetDistributionConfig", lambda i: {"Id": i})
CF_NF = ("NoSuchDistribution",)
RS_NF = ("ClusterNotFound", "ClusterNotFoundFault")
PUBLIC = ("0.0.0.0/0", "::/0")


def _all_traffic(ctx: AwsContext, live_id: str) -> Outcome:
    groups = SG.run(ctx, live_id).get("SecurityGroups") or []
    wide = [src for g in groups for p in g.get("IpPermissions") or [] if p.get("IpProtocol") == "-1"
            for src in [*(r.get("CidrIp") for r in p.get("IpRanges") or []),
                        *(r.get("CidrIpv6") for r in p.get("Ipv6Ranges") or [])] if src in PUBLIC]
    return failed("all traffic open to the internet", public_all_traffic=wide) if wide else verified(
        public_all_traffic=[])


def _rs(field: str, expect: Expect) -> Registration[Any]:
    return attr(f"redshift_{field}", ("aws_redshift_cluster",), REDSHIFT, f"Clusters[0].{field}", expect,
                not_found=RS_NF, label=field)


CHECKS: tuple[Registration[Any], ...] = (
    custom("sg_no_public_all_traffic", SG_TYPES, (SG,), _all_traffic, SG_NOT_FOUND),
    custom("sg_no_public_port_80", SG_TYPES, (SG,), _no_public_port(80), SG_NOT_FOUND),
    attr("rds_iam_auth", CLUSTER, CL, "DBClusters[0].IAMDatabaseAuthenticationEnabled", TRUE,
         not_found=CL_NF, label="iam_auth"),
    attr("rds_copy_tags_to_snapshot", CLUSTER, CL, "DBClusters[0].CopyTagsToSnapshot", TRUE,
         not_found=CL_NF, label="copy_tags_to_snapshot"),
    attr("rds_enhanced_monitoring", MEMBERS, DB, "DBInstances[0].MonitoringInterval", at_least(1),
         not_found=DB_NF, label="monitoring_interval"),
    attr("rds_performance_insights", MEMBERS, DB, "DBInstances[0].PerformanceInsightsEnabled", TRUE,
         not_found=DB_NF, label="performance_insights"),
    attr("rds_aurora_backtrack", ("aws_rds_cluster",), CL, "DBClusters[0].BacktrackWindow", at_least(1),
         not_found=CL_NF, label="backtrack_window"),
    attr("rds_ca_certificate", ("aws_db_instance",), DB, "DBInstances[0].CACertificateIdentifier",
         one_of("rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"), not_found=DB_NF,
         label="ca_certificate"),
    attr("rds_cluster_kms", CLUSTER, CL, "DBClusters[0].KmsKeyId", SET, not_found=CL_NF,
         label="kms_key_id"),
    attr("lambda_reserved_concurrency", ("aws_lambda_function",),
         Call("lambda", "GetFunctionConcurrency", lambda i: {"FunctionName": i}), "ReservedConcurrentExecutions",
         Expect("set", lambda v: isinstance(v, int)), not_found=FN_NF, label="reserved_concurrency"),
    attr("lambda_dead_letter_queue", ("aws_lambda_function",), FN, "DeadLetterConfig.TargetArn", SET,
         not_found=FN_NF, label="dead_letter_target"),
    attr("lambda_env_kms", ("aws_lambda_function",), FN, "KMSKeyArn", SET, not_found=FN_NF, label="kms_key_arn"),
    attr("lambda_code_signing", ("aws_lambda_function",),
         Call("lambda", "GetFunctionCodeSigningConfig", lambda i: {"FunctionName": i}), "CodeSigningConfigArn",
         SET, not_found=FN_NF, label="code_signing_config"),
    attr("lambda_runtime_supported", ("aws_lambda_function",), FN, "Runtime",
         Expect("a supported runtime", lambda v: isinstance(v, str) and v not in DEPRECATED_RUNTIMES),
         not_found=FN_NF, label="runtime"),
    attr("lambda_in_vpc", ("aws_lambda_function",), FN, "VpcConfig.SubnetIds", SET, not_found=FN_NF,
         label="subnet_ids"),
    attr("ec2_no_public_ip", ("aws_instance",), Call("ec2", "DescribeInstances", lambda i: {"InstanceIds": [i]}),
         "Reservations[0].Instances[0].PublicIpAddress", Expect("none", lambda v: not v), not_found=INSTANCE_NF,
         exists="Reservations[0]", label="public_ip"),
    attr("ec2_no_public_ip", ("aws_launch_template",), LT,
         "LaunchTemplateVersions[0].LaunchTemplateData.NetworkInterfaces[0].AssociatePublicIpAddress", NOT_TRUE,
         label="associate_public_ip"),
    attr("ec2_no_public_ip", ("aws_launch_configuration",), LC, "LaunchConfigurations[0].AssociatePublicIpAddress",
         NOT_TRUE, exists="LaunchConfigurations[0]", label="associate_public_ip"),
    attr("ec2_imds_hop_limit", ("aws_launch_template",), LT,
         "LaunchTemplateVersions[0].LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit", eq(1),
         label="hop_limit"),
    attr("ec2_imds_hop_limit", ("aws_launch_configuration",), LC,
         "LaunchConfigurations[0].MetadataOptions.HttpPutResponseHopLimit", eq(1), exists="LaunchConfigurations[0]",
         label="hop_limit"),
    attr("eks_public_access_cidrs", ("aws_eks_cluster",), Call("eks", "DescribeCluster", lambda i: {"name": i}),
         "cluster.resourcesVpcConfig.publicAccessCidrs",
         Expect("no 0.0.0.0/0", lambda v: isinstance(v, list) and "0.0.0.0/0" not in v),
         not_found=("ResourceNotFoundException",), label="public_access_cidrs"),
    attr("cloudtrail_logging_enabled", ("aws_cloudtrail",), Call("cloudtrail", "GetTrailStatus",
                                                                 lambda i: {"Name": i}),
         "IsLogging", TRUE, not_found=("TrailNotFoundException",), label="is_logging"),
    attr("cloudtrail_sns_topic", ("aws_cloudtrail",), TRAIL, "trailList[0].SnsTopicARN", SET, exists="trailList[0]",
         label="sns_topic"),
    attr("cloudtrail_cloudwatch", ("aws_cloudtrail",), TRAIL, "trailList[0].CloudWatchLogsLogGroupArn", SET,
         exists="trailList[0]", label="log_group"),
    attr("kms_key_enabled", ("aws_kms_key",), Call("kms", "DescribeKey", lambda i: {"KeyId": i}),
         "KeyMetadata.Enabled", TRUE, not_found=KEY_NF, label="enabled"),
    custom("lb_access_logs", LB_TYPES, (LBS, LB_ATTRS), _lb_attribute("access_logs.s3.enabled"), LB_NF),
    custom("lb_cross_zone", LB_TYPES, (LBS, LB_ATTRS), _lb_attribute("load_balancing.cross_zone.enabled"), LB_NF),
    custom("lb_desync_mitigation", LB_TYPES, (LBS, LB_ATTRS),
           _lb_attribute("routing.http.desync_mitigation_mode", ("defensive", "strictest")), LB_NF),
    attr("dynamodb_kms", ("aws_dynamodb_table",), Call("dynamodb", "DescribeTable", lambda i: {"TableName": i}),
         "Table.SSEDescription.SSEType", eq("KMS"), not_found=("ResourceNotFoundException",), label="sse_type"),
    attr("elasticache_kms", ("aws_elasticache_replication_group",),
         Call("elasticache", "DescribeReplicationGroups", lambda i: {"ReplicationGroupId": i}),
         "ReplicationGroups[0].KmsKeyId", SET, not_found=("ReplicationGroupNotFoundFault",), label="kms_key_id"),
    attr("redshift_version_upgrade", ("aws_redshift_cluster",), REDSHIFT, "Clusters[0].AllowVersionUpgrade", TRUE,
         not_found=RS_NF, label="allow_version_upgrade"),
    attr("redshift_kms", ("aws_redshift_cluster",), REDSHIFT, "Clusters[0].KmsKeyId", SET, not_found=RS_NF,
         label="kms_key_id"),
    attr("redshift_enhanced_vpc_routing", ("aws_redshift_cluster",), REDSHIFT, "Clusters[0].EnhancedVpcRouting",
         TRUE, not_found=RS_NF, label="enhanced_vpc_routing"),
    attr("redshift_snapshot_retention", ("aws_redshift_cluster",), REDSHIFT,
         "Clusters[0].AutomatedSnapshotRetentionPeriod", at_least(1), not_found=RS_NF, label="snapshot_retention"),
    attr("redshift_audit_logging", ("aws_redshift_cluster",),
         Call("redshift", "DescribeLoggingStatus", lambda i: {"ClusterIdentifier": i}), "LoggingEnabled", TRUE,
         not_found=RS_NF, label="logging_enabled"),
    *(attr(name, (rtype,), call, path, expect, not_found=("ResourceNotFoundException",), label=label)
      for rtype, call in (("aws_opensearch_domain", OS), ("aws_elasticsearch_domain", ES))
      for name, path, expect, label in (
          ("opensearch_logging", "DomainStatus.LogPublishingOptions",
           Expect("a log type enabled", lambda v: isinstance(v, dict) and any(
               isinstance(o, dict) and o.get("Enabled") for o in v.values())), "log_publishing"),
          ("opensearch_kms", "DomainStatus.EncryptionAtRestOptions.KmsKeyId", SET, "kms_key_id"))),
    attr("cloudfront_min_tls", ("aws_cloudfront_distribution",), CF,
         "DistributionConfig.ViewerCertificate.MinimumProtocolVersion",
         one_of("TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021"), not_found=CF_NF, label="minimum_protocol"),
    attr("cloudfront_logging", ("aws_cloudfront_distribution",), CF, "DistributionConfig.Logging.Enabled", TRUE,
         not_found=CF_NF, label="logging"),
    attr("cloudfront_response_headers", ("aws_cloudfront_distribution",), CF,
         "DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId", SET, not_found=CF_NF,
         label="response_headers_policy"),
    attr("s3_event_notifications", ("aws_s3_bucket",),
         Call("s3", "GetBucketNotificationConfiguration", _bucket, action="s3:GetBucketNotification"),
         "[TopicConfigurations, QueueConfigurations, LambdaFunctionConfigurations, EventBridgeConfiguration]",
         Expect("a notification target", lambda v: isinstance(v, list) and any(x is not None and x != [] for x in v)),
         not_found=NO_BUCKET, label="targets"),
    attr("s3_abort_incomplete_uploads", ("aws_s3_bucket", "aws_s3_bucket_lifecycle_configuration"),
         Call("s3", "GetBucketLifecycleConfiguration", _bucket, action="s3:GetLifecycleConfiguration"),
         "Rules[?Status=='Enabled'].AbortIncompleteMultipartUpload.DaysAfterInitiation", SET, not_found=NO_BUCKET,
         absent=("NoSuchLifecycleConfiguration",), label="abort_after_days"),
    attr("ecr_kms", ("aws_ecr_repository",), ECR, "repositories[0].encryptionConfiguration.encryptionType",
         eq("KMS"), not_found=ECR_NF, label="encryption_type"),
    attr("secretsmanager_rotation", ("aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation"),
         Call("secretsmanager", "DescribeSecret", lambda i: {"SecretId": i}), "RotationEnabled", TRUE,
         not_found=("ResourceNotFoundException",), label="rotation_enabled"),
    attr("efs_kms", ("aws_efs_file_system",),
         Call("efs", "DescribeFileSystems",
              lambda i: {"FileSystemId": i} if i.startswith("fs-") else {"CreationToken": i}),
         "FileSystems[0].KmsKeyId", SET, exists="FileSystems[0]", not_found=("FileSystemNotFound",),
         label="kms_key_id"),
)
