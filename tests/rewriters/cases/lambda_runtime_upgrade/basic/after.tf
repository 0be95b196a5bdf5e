resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"
}
