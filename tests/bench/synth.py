"""Synthetic infra repositories of an exact resource count, for the benchmark.

Terraform "service stacks" (bucket, IAM, instance behind a load balancer, database, security
groups, cross-references between them) spread over several environments and directories,
plus Kubernetes apps (Deployment, Service, Ingress, RBAC, Secret) in multi-document files.
Deterministic for a given size and seed, so runs are comparable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

ENVIRONMENTS = ("prod", "staging", "dev")
CLASSIFICATIONS = ("restricted", "confidential", "internal", "public")
TERRAFORM_SHARE = 0.75  # the rest are Kubernetes objects
STACKS_PER_DIR = 8

VERSIONS_TF = """terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
"""


@dataclass(frozen=True)
class Block:
    """One resource's source text."""

    text: str


def _tags(env: str, cls: str) -> str:
    return f'  tags = {{\n    environment         = "{env}"\n    data_classification = "{cls}"\n  }}\n'


def _res(rtype: str, name: str, body: str) -> Block:
    return Block(f'resource "{rtype}" "{name}" {{\n{body}}}\n')


def _stack_blocks(i: int, env: str, rng: random.Random) -> list[Block]:
    """One service stack (14 resources) with the references a real one has."""
    cls = rng.choice(CLASSIFICATIONS)
    open_cidr = '"0.0.0.0/0"' if rng.random() < 0.3 else '"10.0.0.0/8"'
    acl = "public-read" if rng.random() < 0.2 else "private"
    action = '"*"' if rng.random() < 0.1 else '["s3:GetObject"]'
    s = f"s{i}"
    return [
        _res("aws_s3_bucket", f"data_{s}", f'  bucket = "bench-{s}-data"\n' + _tags(env, cls)),
        _res("aws_s3_bucket_acl", f"data_{s}", f'  bucket = aws_s3_bucket.data_{s}.id\n  acl    = "{acl}"\n'),
        _res(
            "aws_s3_bucket_versioning",
            f"data_{s}",
            f'  bucket = aws_s3_bucket.data_{s}.id\n  versioning_configuration {{\n    status = "Enabled"\n  }}\n',
        ),
        _res(
            "aws_security_group",
            f"lb_{s}",
            f'  name = "lb-{s}"\n  ingress {{\n    from_port   = 443\n    to_port     = 443\n'
            f'    protocol    = "tcp"\n    cidr_blocks = [{open_cidr}]\n  }}\n',
        ),
        _res(
            "aws_security_group",
            f"app_{s}",
            f'  name = "app-{s}"\n  ingress {{\n    from_port       = 8080\n    to_port         = 8080\n'
            f'    protocol        = "tcp"\n    security_groups = [aws_security_group.lb_{s}.id]\n  }}\n',
        ),
        _res(
            "aws_lb",
            f"lb_{s}",
            f'  name            = "lb-{s}"\n  internal        = {str(rng.random() < 0.5).lower()}\n'
            f"  security_groups = [aws_security_group.lb_{s}.id]\n",
        ),
        _res("aws_lb_target_group", f"tg_{s}", f'  name     = "tg-{s}"\n  port     = 8080\n  protocol = "HTTP"\n'),
        _res(
            "aws_lb_listener",
            f"l_{s}",
            f"  load_balancer_arn = aws_lb.lb_{s}.arn\n  port              = 443\n"
            f'  default_action {{\n    type             = "forward"\n'
            f"    target_group_arn = aws_lb_target_group.tg_{s}.arn\n  }}\n",
        ),
        _res(
            "aws_lb_target_group_attachment",
            f"a_{s}",
            f"  target_group_arn = aws_lb_target_group.tg_{s}.arn\n  target_id        = aws_instance.app_{s}.id\n",
        ),
        _res(
            "aws_instance",
            f"app_{s}",
            f'  ami                    = "ami-0123456789abcdef0"\n  instance_type          = "t3.small"\n'
            f"  vpc_security_group_ids = [aws_security_group.app_{s}.id]\n"
            f"  iam_instance_profile   = aws_iam_instance_profile.app_{s}.name\n" + _tags(env, "internal"),
        ),
        _res("aws_iam_instance_profile", f"app_{s}", f"  role = aws_iam_role.app_{s}.name\n"),
        _res(
            "aws_iam_role",
            f"app_{s}",
            f'  name               = "app-{s}"\n  assume_role_policy = jsonencode({{\n'
            f'    Statement = [{{ Effect = "Allow", Action = "sts:AssumeRole", '
            f'Principal = {{ Service = "ec2.amazonaws.com" }} }}]\n  }})\n',
        ),
        _res(
            "aws_iam_role_policy",
            f"app_{s}",
            f"  role   = aws_iam_role.app_{s}.id\n  policy = jsonencode({{\n"
            f'    Statement = [{{ Effect = "Allow", Action = {action}, '
            f'Resource = ["${{aws_s3_bucket.data_{s}.arn}}/*"] }}]\n  }})\n',
        ),
        _res(
            "aws_db_instance",
            f"db_{s}",
            f'  identifier             = "db-{s}"\n  engine                 = "postgres"\n'
            f'  instance_class         = "db.t3.micro"\n  allocated_storage      = 20\n'
            f"  storage_encrypted      = {str(rng.random() < 0.5).lower()}\n"
            f"  vpc_security_group_ids = [aws_security_group.app_{s}.id]\n" + _tags(env, cls),
        ),
    ]


def _k8s_app(i: int, ns: str, rng: random.Random) -> list[Block]:
    """One Kubernetes app (7 objects)."""
    a = f"app{i}"
    privileged = "true" if rng.random() < 0.3 else "false"
    svc_type = "LoadBalancer" if rng.random() < 0.2 else "ClusterIP"
    meta = f"metadata:\n  name: {a}\n  namespace: {ns}\n"
    return [
        Block(
            f"apiVersion: apps/v1\nkind: Deployment\n{meta}spec:\n  replicas: 2\n  selector:\n"
            f"    matchLabels:\n      app: {a}\n  template:\n    metadata:\n      labels:\n        app: {a}\n"
            f"    spec:\n      serviceAccountName: {a}\n      containers:\n        - name: main\n"
            f"          image: registry.example/{a}:1.0.0\n          securityContext:\n"
            f"            privileged: {privileged}\n          env:\n            - name: DB_PASSWORD\n"
            f"              valueFrom:\n                secretKeyRef:\n                  name: {a}-db\n"
            f"                  key: password\n"
        ),
        Block(
            f"apiVersion: v1\nkind: Service\n{meta}spec:\n  type: {svc_type}\n  selector:\n    app: {a}\n"
            f"  ports:\n    - port: 80\n      targetPort: 8080\n"
        ),
        Block(
            f"apiVersion: networking.k8s.io/v1\nkind: Ingress\n{meta}spec:\n  rules:\n"
            f"    - host: {a}.example.com\n      http:\n        paths:\n          - path: /\n"
            f"            pathType: Prefix\n            backend:\n              service:\n"
            f"                name: {a}\n                port:\n                  number: 80\n"
        ),
        Block(f"apiVersion: v1\nkind: ServiceAccount\n{meta}"),
        Block(
            f"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n{meta}rules:\n"
            f'  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get"]\n'
        ),
        Block(
            f"apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n{meta}subjects:\n"
            f"  - kind: ServiceAccount\n    name: {a}\n    namespace: {ns}\nroleRef:\n"
            f"  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: {a}\n"
        ),
        Block(
            f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {a}-db\n  namespace: {ns}\n"
            f"  labels:\n    data_classification: restricted\ntype: Opaque\n"
            f'stringData:\n  password: "placeholder"\n'
        ),
    ]


def _write_terraform(root: Path, count: int, rng: random.Random) -> None:
    written, stack = 0, 0
    while written < count:
        env = ENVIRONMENTS[stack % len(ENVIRONMENTS)]
        directory = root / "terraform" / env / f"group{stack // STACKS_PER_DIR:03d}"
        if not directory.exists():
            directory.mkdir(parents=True)
            (directory / "versions.tf").write_text(VERSIONS_TF, encoding="utf-8")
        blocks = _stack_blocks(stack, env, rng)[: count - written]
        text = "\n".join(b.text for b in blocks)
        (directory / f"stack{stack:04d}.tf").write_text(f"# service stack {stack}\n{text}", encoding="utf-8")
        written += len(blocks)
        stack += 1


def _write_kubernetes(root: Path, count: int, rng: random.Random) -> None:
    written, app = 0, 0
    while written < count:
        ns = f"team{app % 5}"
        directory = root / "k8s" / ns
        directory.mkdir(parents=True, exist_ok=True)
        docs = _k8s_app(app, ns, rng)[: count - written]
        body = "---\n".join(d.text for d in docs)
        (directory / f"app{app:04d}.yaml").write_text(f"# app {app}\n---\n{body}", encoding="utf-8")
        written += len(docs)
        app += 1


def generate_repo(root: Path, resources: int, seed: int = 7) -> Path:
    """Write a repository with exactly `resources` Terraform resources + Kubernetes objects."""
    if resources < 1:
        raise ValueError("a synthetic repository needs at least one resource")
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    terraform = max(1, round(resources * TERRAFORM_SHARE))
    _write_terraform(root, terraform, rng)
    if resources > terraform:
        _write_kubernetes(root, resources - terraform, rng)
    (root / "CODEOWNERS").write_text("/terraform/prod/ @acme/prod-team\n* @acme/platform\n", encoding="utf-8")
    return root
