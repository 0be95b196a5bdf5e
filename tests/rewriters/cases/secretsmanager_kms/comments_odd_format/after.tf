resource "aws_secretsmanager_secret" "api_key" {
  name = "api-key"   # rotated by lambda
  recovery_window_in_days = 7
  description = "third party API key"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abcd"
}
