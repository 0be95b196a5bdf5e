# owned by platform team (see CODEOWNERS)
resource "aws_lambda_function" "worker" {
    function_name   =   "worker"   # keep in sync with the runbook
    role          = aws_iam_role.worker.arn
    handler       = "main.handler"
    runtime       = "python3.12"
    filename      = "worker.zip"
    /* reviewed 2024-03 */

    vpc_config {
        subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
        security_group_ids = ["sg-0123456789abcdef0"]
    }
}
