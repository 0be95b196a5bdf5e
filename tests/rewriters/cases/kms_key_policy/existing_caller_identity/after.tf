data "aws_caller_identity" "me" {}

resource "aws_kms_key" "logs" {
  description             = "logs key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EnableIAMUserPermissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.me.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

data "aws_partition" "current" {}
