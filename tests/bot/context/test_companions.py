"""Companion resources take the context of the resource they configure; own tags win."""

from __future__ import annotations

from pathlib import Path

from bot.config import RepoConfig
from bot.context import RepoContext, build_context
from bot.graph import build_graph
from bot.inventory import build_inventory
from bot.models.resource import Inventory

TERRAFORM = '''
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags = {
    environment         = "prod"
    data_classification = "restricted"
    criticality         = "high"
  }
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "acme-logs"
  tags = {
    data_classification = "public"
  }
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket             = aws_s3_bucket.data.id
  block_public_acls  = BLOCK
  ignore_public_acls = false
}

resource "aws_security_group" "app" {
  name = "app"
  tags = {
    environment = "staging"
  }
}

resource "aws_security_group_rule" "https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.app.id
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
  tags = {
    data_classification = "confidential"
  }
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
'''

KUBERNETES = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  labels:
    data_classification: restricted
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: registry.example/api:1.0.0
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
    - port: 80
"""


def _repo(tmp_path: Path, block: str = "false") -> tuple[Inventory, RepoContext]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "main.tf").write_text(TERRAFORM.replace("BLOCK", block), encoding="utf-8")
    (tmp_path / "app.yaml").write_text(KUBERNETES, encoding="utf-8")
    (tmp_path / "CODEOWNERS").write_text("main.tf @acme/storage\n", encoding="utf-8")
    inventory = build_inventory(tmp_path, RepoConfig())
    return inventory, build_context(tmp_path, RepoConfig(), inventory)


def test_bucket_companions_take_the_buckets_context_and_name_it(tmp_path: Path) -> None:
    inventory, context = _repo(tmp_path)
    versioning = context.for_resource(inventory.by_address()["aws_s3_bucket_versioning.data"])
    assert (versioning.environment, versioning.data_classification, versioning.criticality) == (
        "prod", "restricted", "high")
    assert versioning.protects == "aws_s3_bucket.data"
    assert versioning.owners == ("@acme/storage",)
    assert versioning.evidence["data_classification"].startswith("from aws_s3_bucket.data, the resource it configures")


def test_a_companions_own_tags_win_and_the_evidence_says_so(tmp_path: Path) -> None:
    inventory, context = _repo(tmp_path)
    logging = context.for_resource(inventory.by_address()["aws_s3_bucket_logging.data"])
    assert logging.data_classification == "public"
    assert "its own tag wins over aws_s3_bucket.data's restricted" in logging.evidence["data_classification"]
    assert logging.environment == "prod"  # not tagged: followed


def test_rules_attachments_and_services_follow_what_they_configure(tmp_path: Path) -> None:
    inventory, context = _repo(tmp_path)
    by = inventory.by_address()
    rule = context.for_resource(by["aws_security_group_rule.https"])
    assert (rule.environment, rule.protects) == ("staging", "aws_security_group.app")
    attachment = context.for_resource(by["aws_iam_role_policy_attachment.app"])
    assert (attachment.data_classification, attachment.protects) == ("confidential", "aws_iam_role.app")
    service = next(r for r in inventory.resources if r.type == "Service")
    followed = context.for_resource(service)
    assert followed.data_classification == "restricted" and followed.protects is not None
    assert followed.protects.startswith("Deployment")


def test_a_public_acl_exposes_the_bucket_only_while_the_block_is_off(tmp_path: Path) -> None:
    inventory, context = _repo(tmp_path / "off")
    graph = build_graph(inventory, context)
    exposed, why = graph.exposure("aws_s3_bucket_public_access_block.data")
    assert exposed and "aws_s3_bucket_acl.data" in why[0] and "aws_s3_bucket.data public" in why[0]
    assert graph.exposure("aws_s3_bucket.data")[0]

    inventory, context = _repo(tmp_path / "on", block="true")
    graph = build_graph(inventory, context)
    assert not graph.exposure("aws_s3_bucket_public_access_block.data")[0]
    assert not graph.exposure("aws_s3_bucket.data")[0]
