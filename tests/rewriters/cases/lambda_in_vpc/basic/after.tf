resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"

  vpc_config {
    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
