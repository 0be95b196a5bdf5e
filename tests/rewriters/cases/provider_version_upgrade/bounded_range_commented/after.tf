terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.31.1, < 6.0.0"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "= 4.0.4" // exact
    }
  }
}
