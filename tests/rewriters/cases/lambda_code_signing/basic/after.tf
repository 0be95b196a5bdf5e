resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"

  code_signing_config_arn = aws_lambda_code_signing_config.main.arn
}
