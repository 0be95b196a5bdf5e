"""The graph on real inventory output: duplicate addresses across directories stay apart."""

from __future__ import annotations

from pathlib import Path

from bot.config import RepoConfig
from bot.graph import build_graph
from bot.inventory import build_inventory
from tests.harness.infra import FakeContext

STACK = """
resource "aws_s3_bucket" "data" {
  bucket = "acme-{env}-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "{acl}"
}

resource "aws_iam_role_policy" "reader" {
  role = "reader"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["${aws_s3_bucket.data.arn}/*"] }]
  })
}
"""


def test_same_names_in_two_directories_get_separate_nodes_and_edges(tmp_path: Path) -> None:
    for env, acl in (("prod", "public-read"), ("dev", "private")):
        (tmp_path / "envs" / env).mkdir(parents=True)
        (tmp_path / "envs" / env / "main.tf").write_text(STACK.replace("{env}", env).replace("{acl}", acl))
    inventory = build_inventory(tmp_path, RepoConfig())
    graph = build_graph(inventory, FakeContext())
    prod, dev = "envs/prod:aws_s3_bucket.data", "envs/dev:aws_s3_bucket.data"
    assert graph.exposure(prod) == (True, ('envs/prod:aws_s3_bucket_acl.data: acl = "public-read"',))
    assert graph.exposure(dev) == (False, ())
    assert graph.graph.has_edge("envs/prod:aws_iam_role_policy.reader", prod)
    assert not graph.graph.has_edge("envs/prod:aws_iam_role_policy.reader", dev)
    assert graph.graph.has_edge("envs/dev:aws_iam_role_policy.reader", dev)
