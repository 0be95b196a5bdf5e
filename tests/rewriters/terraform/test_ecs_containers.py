"""Setting a key in every ECS container definition: multi-line, one-line, and what is refused."""

from __future__ import annotations

from bot.hcledit import syntax_problem
from bot.inventory.terraform import parse_terraform
from rewriters.base import Edit, Outcome, RewriteContext, Skip
from rewriters.terraform.ecs_readonly_root import REWRITER


def task(definitions: str) -> str:
    head = 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n'
    return f"{head}  container_definitions = {definitions}\n}}\n"


def run(text: str) -> Outcome:
    (resource,) = parse_terraform(text.encode(), "ecs.tf").resources
    return REWRITER.apply(RewriteContext(text=text, resource=resource, findings=(), params={}))


def edited(outcome: Outcome) -> str:
    assert isinstance(outcome, Edit), outcome
    assert syntax_problem(outcome.text) is None
    return outcome.text


def test_one_line_objects_get_the_key_after_their_last_element() -> None:
    text = task('jsonencode([{ name = "a", image = "x" }, { name = "b", image = "y", readonlyRootFilesystem = true }])')
    out = edited(run(text))
    assert '{ name = "a", image = "x", readonlyRootFilesystem = true }' in out
    assert out.count("readonlyRootFilesystem") == 2
    assert edited(run(out)) == out


def test_containers_that_are_not_literal_objects_are_refused_with_the_reason() -> None:
    for definitions in ("jsonencode(local.containers)", 'file("containers.json")', "jsonencode([local.app])"):
        outcome = run(task(definitions))
        assert isinstance(outcome, Skip) and "container" in outcome.reason
