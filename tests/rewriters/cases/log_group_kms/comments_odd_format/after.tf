# lambda logs
resource "aws_cloudwatch_log_group" "lambda" {
  name = "/aws/lambda/export"   # matches function name
  retention_in_days   =   400
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abcd"
}
