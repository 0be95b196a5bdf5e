"""Managed services given a live-id rule late in issue 13: SSM parameters, Network Firewall,
Cognito identity pools, Lambda function URLs, SageMaker, transit gateways, endpoint services, DAX,
MemoryDB, Amazon MQ, DMS, Firehose. One read-only describe call each, one property per check."""

from __future__ import annotations

from typing import Any

from bot.provider.aws.declarative import FALSE, SET, TRUE, Call, Expect, attr, eq
from bot.provider.registry import Registration

RNF = ("ResourceNotFoundException",)
NOTEBOOK = Call("sagemaker", "DescribeNotebookInstance", lambda i: {"NotebookInstanceName": i})
NOTEBOOK_NF = ("ValidationException",)  # SageMaker's answer for an unknown notebook instance
DAX = Call("dax", "DescribeClusters", lambda i: {"ClusterNames": [i]})
DAX_NF = ("ClusterNotFoundFault",)
MQ = Call("mq", "DescribeBroker", lambda i: {"BrokerId": i})
MQ_NF = ("NotFoundException",)
DMS = Call("dms", "DescribeReplicationInstances",
           lambda i: {"Filters": [{"Name": "replication-instance-id", "Values": [i]}]})
DMS_NF = ("ResourceNotFoundFault",)
CUSTOMER_KEY = Expect("a customer managed key", lambda v: isinstance(v, str) and bool(v) and v != "alias/aws/ssm")

CHECKS: tuple[Registration[Any], ...] = (
    attr("ssm_parameter_kms", ("aws_ssm_parameter",),
         Call("ssm", "DescribeParameters", lambda i: {"ParameterFilters": [
             {"Key": "Name", "Option": "Equals", "Values": [i]}]}),
         "Parameters[0].KeyId", CUSTOMER_KEY, exists="Parameters[0]", label="key_id"),
    attr("network_firewall_deletion_protection", ("aws_networkfirewall_firewall",),
         Call("network-firewall", "DescribeFirewall", lambda i: {"FirewallName": i}),
         "Firewall.DeleteProtection", TRUE, not_found=RNF, label="delete_protection"),
    attr("cognito_guest_access", ("aws_cognito_identity_pool",),
         Call("cognito-identity", "DescribeIdentityPool", lambda i: {"IdentityPoolId": i}),
         "AllowUnauthenticatedIdentities", FALSE, not_found=RNF, label="allow_unauthenticated"),
    attr("lambda_url_auth", ("aws_lambda_function_url",),
         Call("lambda", "GetFunctionUrlConfig", lambda i: {"FunctionName": i}), "AuthType", eq("AWS_IAM"),
         not_found=RNF, label="auth_type"),
    attr("sagemaker_notebook_root", ("aws_sagemaker_notebook_instance",), NOTEBOOK, "RootAccess", eq("Disabled"),
         not_found=NOTEBOOK_NF, label="root_access"),
    attr("sagemaker_notebook_imdsv2", ("aws_sagemaker_notebook_instance",), NOTEBOOK,
         "InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion", eq("2"),
         not_found=NOTEBOOK_NF, label="minimum_imds_version"),
    attr("sagemaker_kms", ("aws_sagemaker_notebook_instance",), NOTEBOOK, "KmsKeyId", SET, not_found=NOTEBOOK_NF,
         label="kms_key_id"),
    attr("sagemaker_kms", ("aws_sagemaker_domain",), Call("sagemaker", "DescribeDomain", lambda i: {"DomainId": i}),
         "KmsKeyId", SET, not_found=("ResourceNotFound",), label="kms_key_id"),
    attr("transit_gateway_auto_accept", ("aws_ec2_transit_gateway",),
         Call("ec2", "DescribeTransitGateways", lambda i: {"TransitGatewayIds": [i]}),
         "TransitGateways[0].Options.AutoAcceptSharedAttachments", eq("disable"), exists="TransitGateways[0]",
         not_found=("InvalidTransitGatewayID.NotFound",), label="auto_accept_shared_attachments"),
    attr("vpc_endpoint_service_acceptance", ("aws_vpc_endpoint_service",),
         Call("ec2", "DescribeVpcEndpointServiceConfigurations", lambda i: {"ServiceIds": [i]}),
         "ServiceConfigurations[0].AcceptanceRequired", TRUE, exists="ServiceConfigurations[0]",
         not_found=("InvalidVpcEndpointServiceId.NotFound",), label="acceptance_required"),
    attr("dax_encryption", ("aws_dax_cluster",), DAX, "Clusters[0].SSEDescription.Status", eq("ENABLED"),
         not_found=DAX_NF, exists="Clusters[0]", label="sse_status"),
    attr("dax_endpoint_tls", ("aws_dax_cluster",), DAX, "Clusters[0].ClusterEndpointEncryptionType", eq("TLS"),
         not_found=DAX_NF, exists="Clusters[0]", label="endpoint_encryption"),
    attr("memorydb_tls", ("aws_memorydb_cluster",),
         Call("memorydb", "DescribeClusters", lambda i: {"ClusterName": i}), "Clusters[0].TLSEnabled", TRUE,
         not_found=("ClusterNotFoundFault",), exists="Clusters[0]", label="tls_enabled"),
    attr("mq_logging", ("aws_mq_broker",), MQ, "Logs.General", TRUE, not_found=MQ_NF, label="general_logs"),
    attr("mq_not_public", ("aws_mq_broker",), MQ, "PubliclyAccessible", FALSE, not_found=MQ_NF,
         label="publicly_accessible"),
    attr("mq_minor_upgrades", ("aws_mq_broker",), MQ, "AutoMinorVersionUpgrade", TRUE, not_found=MQ_NF,
         label="auto_minor_version_upgrade"),
    attr("dms_not_public", ("aws_dms_replication_instance",), DMS, "ReplicationInstances[0].PubliclyAccessible",
         FALSE, not_found=DMS_NF, exists="ReplicationInstances[0]", label="publicly_accessible"),
    attr("dms_minor_upgrades", ("aws_dms_replication_instance",), DMS,
         "ReplicationInstances[0].AutoMinorVersionUpgrade", TRUE, not_found=DMS_NF, exists="ReplicationInstances[0]",
         label="auto_minor_version_upgrade"),
    attr("firehose_encryption", ("aws_kinesis_firehose_delivery_stream",),
         Call("firehose", "DescribeDeliveryStream", lambda i: {"DeliveryStreamName": i}),
         "DeliveryStreamDescription.DeliveryStreamEncryptionConfiguration.Status", eq("ENABLED"), not_found=RNF,
         label="encryption_status"),
)
