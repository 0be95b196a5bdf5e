module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "3.19.0"

  name = "payments"
  cidr = "10.20.0.0/16"
}
