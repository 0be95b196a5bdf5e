"""Settings that live beside the resource: its key policy, the AWS Backup plan selecting it, the WAF
web ACL protecting a load balancer, the redirect of its plain-HTTP listeners; and `terraform_only`,
the name of fixes that change nothing a live read can see."""

from __future__ import annotations

import json
from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Any

from bot.models.resource import Resource
from bot.provider.aws.checks_platform import LB_NF, LB_TYPES
from bot.provider.aws.checks_rds import CL, CL_NF
from bot.provider.aws.declarative import Call, Expect, attr, custom
from bot.provider.aws.session import ApiError, AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, Why, failed, unverifiable, verified

KEY_POLICY = Call("kms", "GetKeyPolicy", lambda i: {"KeyId": i, "PolicyName": "default"})
PLANS = Call("backup", "ListBackupPlans")
SELECTIONS = Call("backup", "ListBackupSelections")
SELECTION = Call("backup", "GetBackupSelection")
VOLUMES = Call("ec2", "DescribeVolumes", lambda i: {"VolumeIds": [i]})
FILE_SYSTEMS = Call("efs", "DescribeFileSystems")
LB_BY_ARN = Call("elbv2", "DescribeLoadBalancers")
LISTENERS = Call("elbv2", "DescribeListeners")
WAF = Call("wafv2", "GetWebACLForResource")
VOLUME_NF = ("InvalidVolume.NotFound",)
EFS_NF = ("FileSystemNotFound",)
TERRAFORM_ONLY_TYPES = ("aws_acm_certificate", "aws_api_gateway_deployment", "aws_api_gateway_rest_api")


def _key_policy(ctx: AwsContext, live_id: str) -> Outcome:
    doc = json.loads(ctx.call("kms", "GetKeyPolicy", KeyId=live_id, PolicyName="default").get("Policy") or "{}")
    statements = doc.get("Statement") or []
    statements = [statements] if isinstance(statements, dict) else statements
    sids = [str(s.get("Sid", "")) for s in statements if isinstance(s, dict)]
    root_admin = any(s.get("Effect") == "Allow" and "kms:*" in _strings(s.get("Action"))
                     and any(p.endswith(":root") for p in _strings(s["Principal"].get("AWS")))
                     for s in statements if isinstance(s, dict) and isinstance(s.get("Principal"), dict))
    evidence: dict[str, Any] = {"statement_sids": sids, "account_root_administers": root_admin}
    if root_admin:
        return verified(**evidence)
    return failed("the key policy does not let the account (its IAM policies) administer the key", **evidence)


def _strings(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]


# --- AWS Backup: is the resource's ARN in a selection of some backup plan? ---------------------------

def _rds_cluster(ctx: AwsContext, live_id: str) -> tuple[str, str]:
    CL.run(ctx, live_id)  # raises DBClusterNotFoundFault when gone
    return "rds", f"cluster:{live_id}"


def _ebs_volume(ctx: AwsContext, live_id: str) -> tuple[str, str]:
    VOLUMES.run(ctx, live_id)  # raises InvalidVolume.NotFound when gone
    return "ec2", f"volume/{live_id}"


def _efs(ctx: AwsContext, live_id: str) -> tuple[str, str]:
    key = {"FileSystemId": live_id} if live_id.startswith("fs-") else {"CreationToken": live_id}
    found = ctx.call("efs", "DescribeFileSystems", **key).get("FileSystems") or []
    if not found:
        raise ApiError("FileSystemNotFound", f"no file system {live_id}")
    return "elasticfilesystem", f"file-system/{found[0]['FileSystemId']}"


def _arn_matches(pattern: str, service: str, resource: str) -> bool:
    """A selection entry (ARN, wildcards allowed) names this resource. Plans are per account and region,
    so only the service and resource parts need to match."""
    if pattern == "*":
        return True
    parts = pattern.split(":", 5)
    return len(parts) == 6 and fnmatchcase(service, parts[2] or "*") and fnmatchcase(resource, parts[5])


def _selections(ctx: AwsContext) -> list[dict[str, Any]]:
    out = []
    for plan in ctx.call("backup", "ListBackupPlans").get("BackupPlansList") or []:
        plan_id = plan["BackupPlanId"]
        for sel in ctx.call("backup", "ListBackupSelections", BackupPlanId=plan_id).get("BackupSelectionsList") or []:
            got = ctx.call("backup", "GetBackupSelection", BackupPlanId=plan_id, SelectionId=sel["SelectionId"])
            out.append({"plan": plan.get("BackupPlanName", plan_id), **(got.get("BackupSelection") or {})})
    return out


def _has_conditions(selection: dict[str, Any]) -> bool:
    return any(v for v in (selection.get("Conditions") or {}).values())


def _backup_selection(locate: Callable[[AwsContext, str], tuple[str, str]]) -> Callable[[AwsContext, str], Outcome]:
    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        service, resource = locate(ctx, live_id)
        selections = _selections(ctx)
        chosen = [f"{s['plan']}/{s.get('SelectionName', '')}" for s in selections
                  if any(_arn_matches(p, service, resource) for p in s.get("Resources") or [])
                  and not any(_arn_matches(p, service, resource) for p in s.get("NotResources") or [])]
        if chosen:
            return verified(selected_by=chosen)
        by_tags = [f"{s['plan']}/{s.get('SelectionName', '')}" for s in selections
                   if s.get("ListOfTags") or (_has_conditions(s) and not s.get("Resources"))]
        if by_tags:
            return unverifiable(Why.not_supported, f"no backup selection names {resource} by ARN; selections "
                                                   f"by tag ({', '.join(by_tags[:5])}) are not evaluated")
        return failed(f"no backup plan selects {resource}", selected_by=[], selections=len(selections))

    return fn


# --- application load balancers: WAF association, HTTP listeners redirecting to HTTPS ----------------

def _lb_arn(ctx: AwsContext, live_id: str) -> str:
    key = {"LoadBalancerArns": [live_id]} if live_id.startswith("arn:") else {"Names": [live_id]}
    return str(ctx.call("elbv2", "DescribeLoadBalancers", **key)["LoadBalancers"][0]["LoadBalancerArn"])


def _waf(ctx: AwsContext, live_id: str) -> Outcome:
    acl = ctx.call("wafv2", "GetWebACLForResource", ResourceArn=_lb_arn(ctx, live_id)).get("WebACL") or {}
    if acl:
        return verified(web_acl=acl.get("Name"), web_acl_arn=acl.get("ARN"))
    return failed("no WAF web ACL is associated with the load balancer", web_acl=None)


def _redirects_to_https(listener: dict[str, Any]) -> bool:
    actions = listener.get("DefaultActions") or []
    return len(actions) == 1 and actions[0].get("Type") == "redirect" and str(
        (actions[0].get("RedirectConfig") or {}).get("Protocol", "")).upper() == "HTTPS"


def _http_redirect(ctx: AwsContext, live_id: str) -> Outcome:
    listeners = ctx.call("elbv2", "DescribeListeners", LoadBalancerArn=_lb_arn(ctx, live_id)).get("Listeners") or []
    plain = {str(x.get("Port")): [a.get("Type") for a in x.get("DefaultActions") or []]
             for x in listeners if x.get("Protocol") == "HTTP"}
    bad = sorted(str(x.get("Port")) for x in listeners if x.get("Protocol") == "HTTP" and not _redirects_to_https(x))
    if bad:
        return failed(f"HTTP listener(s) on port {', '.join(bad)} do not redirect to HTTPS", http_listeners=plain)
    return verified(http_listeners=plain)


LISTENER_TYPES = ("aws_lb_listener", "aws_alb_listener")
LISTENER = Call("elbv2", "DescribeListeners", lambda i: {"ListenerArns": [i]})
LISTENER_NF = ("ListenerNotFound",)
TLS12 = ("ELBSecurityPolicy-FS-1-2", "ELBSecurityPolicy-TLS-1-2", "ELBSecurityPolicy-TLS13")


def _listener_redirects(ctx: AwsContext, live_id: str) -> Outcome:
    (listener,) = LISTENER.run(ctx, live_id).get("Listeners") or [{}]
    evidence = {"protocol": listener.get("Protocol"),
                "default_actions": [a.get("Type") for a in listener.get("DefaultActions") or []]}
    if listener.get("Protocol") != "HTTP" or _redirects_to_https(listener):
        return verified(**evidence)
    return failed("the HTTP listener does not redirect to HTTPS", **evidence)


def _terraform_only(ctx: AwsContext, res: Resource) -> Outcome:
    return unverifiable(Why.not_supported, f"the fix on {res.address} changes a Terraform-only setting (e.g. "
                                           "lifecycle create_before_destroy); no live read can check it")


CHECKS: tuple[Registration[Any], ...] = (
    custom("kms_key_policy", ("aws_kms_key",), (KEY_POLICY,), _key_policy, ("NotFoundException",)),
    custom("backup_selection", ("aws_rds_cluster",), (CL, PLANS, SELECTIONS, SELECTION),
           _backup_selection(_rds_cluster), CL_NF),
    custom("backup_selection", ("aws_ebs_volume",), (VOLUMES, PLANS, SELECTIONS, SELECTION),
           _backup_selection(_ebs_volume), VOLUME_NF),
    custom("backup_selection", ("aws_efs_file_system",), (FILE_SYSTEMS, PLANS, SELECTIONS, SELECTION),
           _backup_selection(_efs), EFS_NF),
    custom("alb_waf_association", LB_TYPES, (LB_BY_ARN, WAF), _waf, LB_NF),
    custom("alb_http_redirect", LB_TYPES, (LB_BY_ARN, LISTENERS), _http_redirect, LB_NF),
    custom("alb_http_redirect", LISTENER_TYPES, (LISTENER,), _listener_redirects, LISTENER_NF),
    attr("lb_listener_tls_policy", LISTENER_TYPES, LISTENER, "Listeners[0].SslPolicy",
         Expect("a TLS 1.2+ policy", lambda v: isinstance(v, str) and v.startswith(TLS12)), not_found=LISTENER_NF,
         label="ssl_policy"),
    Registration("terraform_only", TERRAFORM_ONLY_TYPES, _terraform_only),
)
