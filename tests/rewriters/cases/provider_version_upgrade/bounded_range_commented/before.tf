terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.20.0, < 6.0.0"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "= 4.0.4" // exact
    }
  }
}
