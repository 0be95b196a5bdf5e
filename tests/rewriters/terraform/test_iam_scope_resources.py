"""Scoping IAM `Resource = "*"`: ARNs derived from the module, else the human's list, else a reason."""

from __future__ import annotations

from bot.hcledit import syntax_problem
from bot.inventory.terraform import parse_terraform
from rewriters.base import Edit, Outcome, RewriteContext, Skip
from rewriters.terraform.iam_scope_resources import REWRITER

BUCKET_AND_QUEUE = """resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"""


def policy(actions: str, resource: str = '"*"') -> str:
    return f"""resource "aws_iam_role_policy" "worker" {{
  role = aws_iam_role.worker.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = {actions}
      Resource = {resource}
    }}]
  }})
}}
"""


def run(text: str, params: dict[str, str] | None = None, file_texts: dict[str, str] | None = None) -> Outcome:
    resource = next(r for r in parse_terraform(text.encode(), "iam.tf").resources if "aws_iam" in r.address)
    ctx = RewriteContext(
        text=text, resource=resource, findings=(), params=params or {}, file_texts=file_texts or {}
    )
    return REWRITER.apply(ctx)


def edited(outcome: Outcome) -> str:
    assert isinstance(outcome, Edit), outcome
    assert syntax_problem(outcome.text) is None
    return outcome.text


def test_star_becomes_the_arns_of_the_module_resources_of_those_services() -> None:
    text = BUCKET_AND_QUEUE + policy('["s3:GetObject", "sqs:SendMessage"]')
    out = edited(run(text))
    assert 'Resource = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*", aws_sqs_queue.jobs.arn]' in out
    assert edited(run(out)) == out


def test_resources_defined_in_other_files_of_the_module_count() -> None:
    text = policy('"s3:PutObject"')
    out = edited(run(text, file_texts={"s3.tf": BUCKET_AND_QUEUE}))
    assert 'Resource = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]' in out


def test_a_service_without_resources_here_needs_the_human_list() -> None:
    outcome = run(BUCKET_AND_QUEUE + policy('["s3:GetObject", "dynamodb:GetItem"]'))
    assert isinstance(outcome, Skip) and outcome.missing_parameters == ("allowed_resources",)
    params = {"allowed_resources": "aws_dynamodb_table.t.arn"}
    out = edited(run(BUCKET_AND_QUEUE + policy('"dynamodb:GetItem"'), params))
    assert "Resource = [aws_dynamodb_table.t.arn]" in out


def test_actions_that_cannot_be_scoped_are_not_narrowed_by_guess() -> None:
    outcome = run(BUCKET_AND_QUEUE + policy('["s3:GetObject", "s3:ListAllMyBuckets"]'))
    assert isinstance(outcome, Skip) and "allowed_resources" in outcome.reason


def test_counted_resources_are_not_guessed_and_star_in_the_human_list_is_refused() -> None:
    counted = 'resource "aws_s3_bucket" "logs" {\n  count  = 2\n  bucket = "l${count.index}"\n}\n'
    assert isinstance(run(counted + policy('"s3:GetObject"')), Skip)
    outcome = run(policy('"s3:GetObject"'), {"allowed_resources": "*"})
    assert isinstance(outcome, Skip) and "not '*'" in outcome.reason


def test_deny_statements_and_scoped_resources_are_left_alone() -> None:
    text = BUCKET_AND_QUEUE + policy('"s3:GetObject"', '"arn:aws:s3:::acme-reports/*"')
    assert edited(run(text)) == text
