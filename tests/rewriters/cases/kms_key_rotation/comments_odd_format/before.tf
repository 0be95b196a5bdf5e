resource "aws_kms_key" "payments" {
  description             = "payments"  # PCI scope
  deletion_window_in_days = 30
  enable_key_rotation = false  # TODO(sec-123)
  policy = data.aws_iam_policy_document.kms.json
}
