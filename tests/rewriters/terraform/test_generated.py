"""The generated-value mechanism: when it runs, what it fills, what it refuses, the variants."""

from __future__ import annotations

from bot.inventory.terraform import parse_terraform
from bot.planner import rewriter_by_id
from rewriters import CATALOGUE, VARIANTS
from rewriters.base import Edit, RewriteContext, Rewriter, Skip
from rewriters.terraform.generated import SUFFIX, apply_with_generated, generator_names
from rewriters.terraform.generators import GENERATORS

VPC = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'


def _rw(rewriter_id: str) -> Rewriter:
    rw = rewriter_by_id(rewriter_id)
    assert rw is not None
    return rw


def _ctx(text: str, params: dict[str, str], file: str = "net/main.tf", **extra: object) -> RewriteContext:
    [res] = parse_terraform(text.encode(), file).resources
    return RewriteContext(text=text, resource=res, findings=(), params=params, **extra)  # type: ignore[arg-type]


def test_every_variant_is_a_reversible_catalogued_fix_with_its_own_action() -> None:
    for variant in VARIANTS:
        base = _rw(variant.id.split(SUFFIX)[0])
        assert variant.action.startswith(base.action + SUFFIX) and variant.rule_ids == base.rule_ids
        assert variant.reversible and base in CATALOGUE  # a revert must be able to remove what it created
        assert variant.facts == base.facts.model_copy(update={"iam": True})  # it writes a key or role policy
        assert all(GENERATORS[n].title in variant.title for n in generator_names(base))
    assert {g for rw in CATALOGUE for g in generator_names(rw)} == set(GENERATORS)


def test_a_human_value_wins_and_only_empty_parameters_are_filled() -> None:
    rw = _rw("vpc_flow_logs")
    human = {"log_destination": "aws_cloudwatch_log_group.central.arn", "iam_role_arn": ""}
    outcome = apply_with_generated(rw, _ctx(VPC, human))
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("iam_role_arn",)  # no generator of its own
    outcome = apply_with_generated(rw, _ctx(VPC, {"iam_role_arn": ""}))
    assert isinstance(outcome, Edit) and outcome.generated == ("flow_log_group",)
    assert set(outcome.files) == {"net/fixbot_flow_logs.tf", "net/fixbot_kms.tf"}  # the log group's key too
    assert "iam_role_arn         = aws_iam_role.fixbot_flow_logs.arn" in outcome.text


def test_an_existing_generated_block_anywhere_in_the_module_is_reused() -> None:
    kms = GENERATORS["kms_key"].hcl(5) or ""
    outcome = apply_with_generated(_rw("vpc_flow_logs"), _ctx(VPC, {}, file_texts={"net/keys.tf": kms}))
    assert isinstance(outcome, Edit) and set(outcome.files) == {"net/fixbot_flow_logs.tf"}
    assert "aws_kms_key.fixbot.arn" in outcome.files["net/fixbot_flow_logs.tf"]


def test_a_generator_that_cannot_work_here_keeps_the_parameter_request() -> None:
    bucket = 'resource "aws_s3_bucket" "app" {\n  bucket = "acme-app"\n}\n'
    outcome = apply_with_generated(_rw("s3_access_logging"), _ctx(bucket, {}, aws_provider_major=3))
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("target_bucket",)
    assert "needs parameter target_bucket" in outcome.reason and "AWS provider v4" in outcome.reason


def test_a_parameter_without_a_generator_is_still_asked_for() -> None:
    sg = 'resource "aws_security_group" "ssh" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n' \
         '    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'  # fmt: skip
    outcome = apply_with_generated(_rw("sg_restrict_ssh"), _ctx(sg, {}))
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("admin_cidr",)
