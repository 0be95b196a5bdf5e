# Production stack for the payments service.
# State lives in the shared payments-terraform-state bucket (see backend.tf in the platform repo).

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      service    = "payments"
      managed_by = "terraform"
    }
  }
}
