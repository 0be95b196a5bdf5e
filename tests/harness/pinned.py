"""A small repository that pins versions everywhere OSV advisories can reach: a registry module,
providers in a lock file and in required_providers, and a container image tag."""

from __future__ import annotations

LOCK = '''# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.20.0"
  constraints = "~> 5.0"
  hashes = [
    "h1:abc=",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version = "3.6.0"
}
'''
FILES = {
    "infra/versions.tf": ('terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n'
                          '      version = "~> 5.0"\n    }\n    tls = {\n      source  = "hashicorp/tls"\n'
                          '      version = "4.0.4"\n    }\n  }\n}\n'),
    "infra/.terraform.lock.hcl": LOCK,
    "infra/main.tf": ('module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "3.14.0"\n\n'
                      '  name = "payments"\n}\n\nmodule "local" {\n  source = "./modules/x"\n}\n'),
    "k8s/api.yaml": ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n"
                     "      containers:\n        - name: api\n          image: ghcr.io/acme/payments-api:1.42.0\n"
                     "        - name: proxy\n          image: envoyproxy/envoy@sha256:0123\n"),
}
