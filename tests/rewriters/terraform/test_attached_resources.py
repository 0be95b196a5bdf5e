"""Rewriters that add a resource attached to the one they fix: reuse, clashes, count/for_each."""

from __future__ import annotations

from bot.inventory.terraform import parse_terraform
from rewriters.base import Edit, Outcome, RewriteContext, Rewriter, Skip
from rewriters.terraform import backup_selection, vpc_default_sg_restrict, vpc_flow_logs

VPC = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'
FLOW = {"log_destination": "aws_s3_bucket.flow.arn"}


def run(rw: Rewriter, text: str, params: dict[str, str], file_texts: dict[str, str] | None = None) -> Outcome:
    resource = parse_terraform(text.encode(), "main.tf").resources[0]
    ctx = RewriteContext(text=text, resource=resource, findings=(), params=params, file_texts=file_texts or {})
    return rw.apply(ctx)


def test_an_attached_resource_elsewhere_in_the_module_is_reused() -> None:
    other = 'resource "aws_flow_log" "all" {\n  vpc_id = aws_vpc.main.id\n  traffic_type = "ALL"\n}\n'
    outcome = run(vpc_flow_logs.REWRITER, VPC, FLOW, {"network.tf": other})
    assert isinstance(outcome, Edit) and outcome.text == VPC


def test_a_taken_name_is_refused_not_overwritten() -> None:
    text = VPC + '\nresource "aws_flow_log" "main" {\n  vpc_id = aws_vpc.other.id\n}\n'
    outcome = run(vpc_flow_logs.REWRITER, text, FLOW)
    assert isinstance(outcome, Skip) and "not attached" in outcome.reason


def test_counted_parents_are_refused_with_the_reason() -> None:
    text = 'resource "aws_vpc" "main" {\n  count      = var.create ? 1 : 0\n  cidr_block = "10.0.0.0/16"\n}\n'
    outcome = run(vpc_flow_logs.REWRITER, text, FLOW)
    assert isinstance(outcome, Skip) and "count/for_each" in outcome.reason


def test_a_default_security_group_with_rules_needs_a_human() -> None:
    sg = (
        'resource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.main.id\n'
        '  egress {\n    protocol = "-1"\n  }\n}\n'
    )
    outcome = run(vpc_default_sg_restrict.REWRITER, VPC, {}, {"sg.tf": sg})
    assert isinstance(outcome, Skip) and "sg.tf" in outcome.reason


def test_missing_parameters_are_named() -> None:
    outcome = run(vpc_flow_logs.REWRITER, VPC, {"log_destination": "aws_cloudwatch_log_group.flow.arn"})
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("iam_role_arn",)
    volume = 'resource "aws_ebs_volume" "data" {\n  size = 10\n}\n'
    outcome = run(backup_selection.REWRITER, volume, {})
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("backup_plan_id",)
