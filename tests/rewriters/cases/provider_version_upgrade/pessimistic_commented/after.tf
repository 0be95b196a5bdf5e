# Provider requirements for the payments stack.
terraform {
  required_providers {
    # pinned after the 5.20 upgrade; see ADR-12
    aws    = {
      source  = "registry.terraform.io/hashicorp/aws"
      version =    "~> 5.31"   # keep within 5.x
    }
    random = { source = "hashicorp/random", version = "3.6.0" }
  }
}

provider "aws" {
  region = "eu-west-1"
}
