"""S3: public access block, ACL, policy status, encryption, versioning, logging, lifecycle."""

from __future__ import annotations

from typing import Any

from bot.provider.aws.declarative import SET, Call, Expect, attr, custom, one_of
from bot.provider.aws.session import AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

BUCKET = "aws_s3_bucket"
NO_BUCKET = ("NoSuchBucket",)
FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
PUBLIC_GRANTEES = ("http://acs.amazonaws.com/groups/global/AllUsers",
                   "http://acs.amazonaws.com/groups/global/AuthenticatedUsers")


def _bucket(live_id: str) -> dict[str, Any]:
    return {"Bucket": live_id}


ALL_FLAGS = Expect("all four flags true", lambda v: isinstance(v, dict) and all(v.get(f) is True for f in FLAGS))
PAB = Call("s3", "GetPublicAccessBlock", _bucket, action="s3:GetBucketPublicAccessBlock")
ACL = Call("s3", "GetBucketAcl", _bucket)


def _acl_not_public(ctx: AwsContext, live_id: str) -> Outcome:
    grants = ACL.run(ctx, live_id).get("Grants") or []
    public = sorted({f"{g.get('Grantee', {}).get('URI')}:{g.get('Permission')}" for g in grants
                     if g.get("Grantee", {}).get("URI") in PUBLIC_GRANTEES})
    if public:
        return failed("the bucket ACL grants access to everyone", public_grants=public)
    return verified(public_grants=[], grants=len(grants))


CHECKS: tuple[Registration[Any], ...] = (
    attr("s3_public_access_blocked", (BUCKET, "aws_s3_bucket_public_access_block"), PAB,
         "PublicAccessBlockConfiguration", ALL_FLAGS,
         not_found=NO_BUCKET, absent=("NoSuchPublicAccessBlockConfiguration",), label="public_access_block"),
    custom("s3_acl_not_public", (BUCKET, "aws_s3_bucket_acl"), (ACL,), _acl_not_public, NO_BUCKET),
    attr("s3_policy_not_public", (BUCKET, "aws_s3_bucket_policy"), Call("s3", "GetBucketPolicyStatus", _bucket),
         "PolicyStatus.IsPublic", Expect("not public", lambda v: v is not True), not_found=NO_BUCKET,
         absent=("NoSuchBucketPolicy",), label="policy_is_public"),
    attr("s3_versioning_enabled", (BUCKET, "aws_s3_bucket_versioning"), Call("s3", "GetBucketVersioning", _bucket),
         "Status", one_of("Enabled"), not_found=NO_BUCKET, label="versioning"),
    attr("s3_default_encryption_kms", (BUCKET, "aws_s3_bucket_server_side_encryption_configuration"),
         Call("s3", "GetBucketEncryption", _bucket, action="s3:GetEncryptionConfiguration"),
         "ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm",
         one_of("aws:kms", "aws:kms:dsse"), not_found=NO_BUCKET,
         absent=("ServerSideEncryptionConfigurationNotFoundError",), label="sse_algorithm"),
    attr("s3_access_logging_enabled", (BUCKET, "aws_s3_bucket_logging"), Call("s3", "GetBucketLogging", _bucket),
         "LoggingEnabled.TargetBucket", SET, not_found=NO_BUCKET, label="log_target_bucket"),
    attr("s3_lifecycle_configured", (BUCKET, "aws_s3_bucket_lifecycle_configuration"),
         Call("s3", "GetBucketLifecycleConfiguration", _bucket, action="s3:GetLifecycleConfiguration"),
         "Rules[?Status=='Enabled'] | length(@)", Expect(">= 1 enabled rule", lambda v: bool(v)),
         not_found=NO_BUCKET, absent=("NoSuchLifecycleConfiguration",), label="enabled_rules"),
)
