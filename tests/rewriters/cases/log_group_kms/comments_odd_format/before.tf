# lambda logs
resource "aws_cloudwatch_log_group" "lambda" {
  name = "/aws/lambda/export"   # matches function name
  retention_in_days   =   400
}
