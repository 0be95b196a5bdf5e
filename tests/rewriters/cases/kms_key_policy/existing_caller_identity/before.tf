data "aws_caller_identity" "me" {}

resource "aws_kms_key" "logs" {
  description             = "logs key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}
