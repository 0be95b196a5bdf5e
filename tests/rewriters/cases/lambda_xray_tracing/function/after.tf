resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.lambda.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "api.zip"

  tracing_config {
    mode = "Active"
  }
}
