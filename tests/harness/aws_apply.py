"""A small `terraform apply` stand-in: creates live resources on moto from the inventory's values.

It turns the attribute values of the golden cases' Terraform blocks into the boto3 calls the
AWS provider would make, and returns the `terraform show -json` document of what it created
(ids, ARNs) so verification finds the live ids the way it does for users: in the state.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

import boto3
import hcl2

from bot.models.common import LineSpan
from bot.models.resource import IacKind, Resource

Values = dict[str, Any]
Client = Callable[[str], Any]


def _first(block: Any) -> Values:
    return block[0] if isinstance(block, list) and block and isinstance(block[0], dict) else {}


def _bucket_name(res: Resource, created: dict[str, Values]) -> str:
    raw = str(res.attributes.get("bucket", ""))
    if raw.startswith("aws_s3_bucket."):
        return str(created[".".join(raw.split(".")[:2])]["bucket"])
    return raw


def _jsonencode(expr: str) -> Any:
    inner = expr.strip().removeprefix("jsonencode(").removesuffix(")")
    parsed = hcl2.loads(f"x = {inner}\n")["x"]
    return _unwrap(parsed)


def _unwrap(v: Any) -> Any:
    if isinstance(v, str):
        return v.strip('"') if v.startswith('"') else v
    if isinstance(v, list):
        return [_unwrap(x) for x in v]
    if isinstance(v, dict):
        return {str(k).strip('"'): _unwrap(x) for k, x in v.items() if not str(k).startswith("__")}
    return v


def _s3_bucket(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    name = str(res.attributes["bucket"])
    s3 = c("s3")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": s3.meta.region_name})
    a = res.attributes
    if a.get("acl"):
        s3.put_bucket_acl(Bucket=name, ACL=a["acl"])
    if _first(a.get("versioning")).get("enabled") is True:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return {"bucket": name, "id": name, "arn": f"arn:aws:s3:::{name}"}


def _s3_child(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    name, a, s3 = _bucket_name(res, created), res.attributes, c("s3")
    if res.type == "aws_s3_bucket_public_access_block":
        keys = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
        conf = {"".join(p.title() for p in k.split("_")): a.get(k) is True for k in keys}
        s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration=conf)
    elif res.type == "aws_s3_bucket_versioning":
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={
            "Status": _first(a.get("versioning_configuration")).get("status", "Suspended")})
    elif res.type == "aws_s3_bucket_server_side_encryption_configuration":
        algo = _first(_first(a.get("rule")).get("apply_server_side_encryption_by_default")).get("sse_algorithm")
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": algo}}]})
    elif res.type == "aws_s3_bucket_logging":
        target = str(a["target_bucket"])
        s3.create_bucket(Bucket=target, CreateBucketConfiguration={"LocationConstraint": s3.meta.region_name})
        s3.put_bucket_acl(Bucket=target, GrantWrite="uri=http://acs.amazonaws.com/groups/s3/LogDelivery",
                          GrantReadACP="uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
        s3.put_bucket_logging(Bucket=name, BucketLoggingStatus={"LoggingEnabled": {
            "TargetBucket": target, "TargetPrefix": str(a.get("target_prefix", ""))}})
    return {"bucket": name, "id": name}


def _security_group(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    ec2, a = c("ec2"), res.attributes
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    gid = ec2.create_security_group(GroupName=a["name"], Description=a.get("description", "x"), VpcId=vpc)["GroupId"]
    perms = [{"IpProtocol": r.get("protocol", "tcp"), "FromPort": r["from_port"], "ToPort": r["to_port"],
              "IpRanges": [{"CidrIp": cidr, "Description": r.get("description", "")}
                           for cidr in r.get("cidr_blocks") or []],
              "Ipv6Ranges": [{"CidrIpv6": cidr} for cidr in r.get("ipv6_cidr_blocks") or []]}
             for r in a.get("ingress") or []]
    if perms:
        ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=perms)
    return {"id": gid, "name": a["name"]}


def _db_instance(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a = res.attributes
    c("rds").create_db_instance(
        DBInstanceIdentifier=a["identifier"], Engine=a["engine"], DBInstanceClass=a["instance_class"],
        AllocatedStorage=a["allocated_storage"], MasterUsername=a["username"], MasterUserPassword="not-a-secret-1",
        StorageEncrypted=a.get("storage_encrypted") is True, PubliclyAccessible=a.get("publicly_accessible") is True,
        DeletionProtection=a.get("deletion_protection") is True,
        BackupRetentionPeriod=int(a.get("backup_retention_period", 1)))
    return {"identifier": a["identifier"], "id": "db-" + a["identifier"].upper()}


def _ebs_volume(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a = res.attributes
    vid = c("ec2").create_volume(AvailabilityZone=a["availability_zone"], Size=a["size"],
                                 Encrypted=a.get("encrypted") is True)["VolumeId"]
    return {"id": vid}


def _kms_key(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    kms = c("kms")
    meta = kms.create_key(Description=str(res.attributes.get("description", "")))["KeyMetadata"]
    if res.attributes.get("enable_key_rotation") is True:
        kms.enable_key_rotation(KeyId=meta["KeyId"])
    return {"key_id": meta["KeyId"], "id": meta["KeyId"], "arn": meta["Arn"]}


def _iam_policy(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    doc = _jsonencode(str(res.attributes["policy"]))
    arn = c("iam").create_policy(PolicyName=res.attributes["name"], PolicyDocument=json.dumps(doc))["Policy"]["Arn"]
    return {"arn": arn, "id": arn, "name": res.attributes["name"]}


def _cloudtrail(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a, s3 = res.attributes, c("s3")
    s3.create_bucket(Bucket=a["s3_bucket_name"], CreateBucketConfiguration={"LocationConstraint": s3.meta.region_name})
    trail = c("cloudtrail").create_trail(Name=a["name"], S3BucketName=a["s3_bucket_name"],
                                         IsMultiRegionTrail=a.get("is_multi_region_trail") is True,
                                         EnableLogFileValidation=a.get("enable_log_file_validation") is True)
    return {"name": a["name"], "arn": trail["TrailARN"], "id": trail["TrailARN"]}


def _lambda(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a = res.attributes
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                     "Principal": {"Service": "lambda.amazonaws.com"}}]}
    role = c("iam").create_role(RoleName=f"{a['function_name']}-role",
                                AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("main.py", "def handler(event, context):\n    return event\n")
    mode = _first(a.get("tracing_config")).get("mode", "PassThrough")
    fn = c("lambda").create_function(FunctionName=a["function_name"], Runtime=a["runtime"], Role=role,
                                     Handler=a["handler"], Code={"ZipFile": buf.getvalue()},
                                     TracingConfig={"Mode": mode})
    return {"function_name": a["function_name"], "arn": fn["FunctionArn"]}


def _ref(raw: Any, created: dict[str, Values], key: str) -> str:
    """The value a reference (`aws_vpc.main.id`) names among the created resources, else the literal."""
    text = str(raw).strip().removeprefix("${").removesuffix("}")
    address = ".".join(text.split(".")[:2])
    return str(created[address][key]) if address in created else text


def _guardduty(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    return {"id": c("guardduty").create_detector(Enable=res.attributes.get("enable") is not False)["DetectorId"]}


def _kinesis(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a, kinesis = res.attributes, c("kinesis")
    kinesis.create_stream(StreamName=a["name"], ShardCount=int(a.get("shard_count", 1)))
    if a.get("encryption_type") == "KMS":
        kinesis.start_stream_encryption(StreamName=a["name"], EncryptionType="KMS", KeyId=str(a["kms_key_id"]))
    arn = kinesis.describe_stream_summary(StreamName=a["name"])["StreamDescriptionSummary"]["StreamARN"]
    return {"name": a["name"], "id": arn, "arn": arn}


def _vpc(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    return {"id": c("ec2").create_vpc(CidrBlock=str(res.attributes["cidr_block"]))["Vpc"]["VpcId"]}


def _flow_log(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a, s3 = res.attributes, c("s3")
    s3.create_bucket(Bucket="acme-flow-logs", CreateBucketConfiguration={"LocationConstraint": s3.meta.region_name})
    ids = c("ec2").create_flow_logs(ResourceIds=[_ref(a["vpc_id"], created, "id")], ResourceType="VPC",
                                    TrafficType=str(a.get("traffic_type", "ALL")), LogDestinationType="s3",
                                    LogDestination="arn:aws:s3:::acme-flow-logs")["FlowLogIds"]
    return {"id": ids[0]}


def _lb(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    ec2, a = c("ec2"), res.attributes
    vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.1.{i}.0/24", AvailabilityZone=f"eu-west-1{z}")["Subnet"][
        "SubnetId"] for i, z in enumerate("ab")]
    lb = c("elbv2").create_load_balancer(Name=a["name"], Subnets=subnets, Type="application",
                                         Scheme="internal" if a.get("internal") is True else "internet-facing")
    arn = lb["LoadBalancers"][0]["LoadBalancerArn"]
    return {"arn": arn, "id": arn, "name": a["name"], "vpc": vpc}


def _default_action(c: Client, block: Values, lb: Values) -> Values:
    kind = str(block.get("type"))
    if kind == "redirect":
        r = _first(block.get("redirect"))
        return {"Type": kind, "RedirectConfig": {"Port": str(r.get("port", "443")), "Protocol": str(
            r.get("protocol", "HTTPS")), "StatusCode": str(r.get("status_code", "HTTP_301"))}}
    if kind == "fixed-response":
        f = _first(block.get("fixed_response"))
        return {"Type": kind, "FixedResponseConfig": {"ContentType": str(f.get("content_type", "text/plain")),
                                                      "StatusCode": str(f.get("status_code", "200"))}}
    if "target_group" not in lb:
        lb["target_group"] = c("elbv2").create_target_group(Name=f"{lb['name']}-tg", Protocol="HTTP", Port=80,
                                                             VpcId=lb["vpc"])["TargetGroups"][0]["TargetGroupArn"]
    return {"Type": "forward", "TargetGroupArn": lb["target_group"]}


def _stand_in(name: str) -> Resource:
    return Resource(address=f"aws_lb.{name}", kind=IacKind.terraform, type="aws_lb", name=name, file="other.tf",
                    line=LineSpan(start=1, end=1), byte_start=0, byte_end=0, attributes={"name": name})


def _listener(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    a = res.attributes
    arn = _ref(a["load_balancer_arn"], created, "arn")
    lb = next((v for v in created.values() if v.get("arn") == arn), None)
    if lb is None:  # the load balancer lives in another module: create it as that module's apply would
        name = arn.split(".")[1] if arn.startswith("aws_") else "lb"
        lb = created.setdefault(f"aws_lb.{name}", _lb(c, _stand_in(name), created))
    extra: Values = {}
    if a.get("protocol") == "HTTPS":
        cert = c("acm").request_certificate(DomainName="web.example.com")["CertificateArn"]
        extra = {"Certificates": [{"CertificateArn": cert}], "SslPolicy": str(a.get("ssl_policy"))}
    arn = c("elbv2").create_listener(LoadBalancerArn=lb["arn"], Protocol=str(a["protocol"]), Port=int(a["port"]),
                                     DefaultActions=[_default_action(c, _first(a.get("default_action")), lb)],
                                     **extra)["Listeners"][0]["ListenerArn"]
    return {"arn": arn, "id": arn}


def _ecs_cluster(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    settings = [{"name": s["name"], "value": s["value"]} for s in res.attributes.get("setting") or []]
    arn = c("ecs").create_cluster(clusterName=res.attributes["name"], settings=settings)["cluster"]["clusterArn"]
    return {"name": res.attributes["name"], "arn": arn, "id": arn}


def _web_acl(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    name = str(res.attributes["name"])
    acl = c("wafv2").create_web_acl(Name=name, Scope="REGIONAL", DefaultAction={"Allow": {}}, VisibilityConfig={
        "SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": name})["Summary"]
    return {"arn": acl["ARN"], "id": acl["Id"], "name": name}


def _web_acl_association(c: Client, res: Resource, created: dict[str, Values]) -> Values:
    lb, acl = _ref(res.attributes["resource_arn"], created, "arn"), _ref(res.attributes["web_acl_arn"], created, "arn")
    c("wafv2").associate_web_acl(WebACLArn=acl, ResourceArn=lb)
    return {"id": f"{acl},{lb}", "resource_arn": lb, "web_acl_arn": acl}


APPLY: dict[str, Callable[[Client, Resource, dict[str, Values]], Values]] = {
    "aws_s3_bucket": _s3_bucket,
    **{t: _s3_child for t in ("aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning",
                              "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_logging")},
    "aws_security_group": _security_group,
    "aws_db_instance": _db_instance,
    "aws_ebs_volume": _ebs_volume,
    "aws_kms_key": _kms_key,
    "aws_iam_policy": _iam_policy,
    "aws_cloudtrail": _cloudtrail,
    "aws_lambda_function": _lambda,
    "aws_guardduty_detector": _guardduty,
    "aws_kinesis_stream": _kinesis,
    "aws_vpc": _vpc,
    "aws_flow_log": _flow_log,
    "aws_lb": _lb,
    "aws_wafv2_web_acl": _web_acl,
    "aws_lb_listener": _listener,
    "aws_ecs_cluster": _ecs_cluster,
    "aws_wafv2_web_acl_association": _web_acl_association,
}
# created after the resources they name
LATE = ("aws_s3_bucket_logging", "aws_flow_log", "aws_wafv2_web_acl_association", "aws_lb_listener")


def clients(endpoint: str, region: str = "eu-west-1") -> Client:
    session = boto3.session.Session(region_name=region)
    cache: dict[str, Any] = {}

    def get(service: str) -> Any:
        if service not in cache:
            cache[service] = session.client(service, endpoint_url=endpoint)
        return cache[service]

    return get


def apply(c: Client, resources: Sequence[Resource]) -> dict[str, Any]:
    """Create every supported resource (buckets first); the `terraform show -json` of the result."""
    created: dict[str, Values] = {}
    ordered = sorted(resources, key=lambda r: (r.type != "aws_s3_bucket", r.type in LATE))
    for res in ordered:
        fn = APPLY.get(res.type)
        if fn is not None:
            created[res.address] = fn(c, res, created)
    return {"format_version": "1.0", "values": {"root_module": {"resources": [
        {"address": addr, "mode": "managed", "type": addr.split(".")[0], "name": addr.split(".")[1], "values": v}
        for addr, v in created.items()]}}}
