# nightly export
resource "aws_lambda_function" "export" {
  function_name = "export"
  role   = aws_iam_role.lambda.arn   # shared role
  handler = "export.run"
  runtime = "nodejs20.x"
  filename = "export.zip"

  environment {
    variables = { STAGE = "prod" }
  }

  tracing_config {
    mode = "Active"
  }
}
