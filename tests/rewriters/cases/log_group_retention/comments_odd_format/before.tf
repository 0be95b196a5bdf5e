resource "aws_cloudwatch_log_group" "audit" {
  name              = "/audit"   # compliance
  retention_in_days = 30 # too short
  kms_key_id = aws_kms_key.logs.arn
}
