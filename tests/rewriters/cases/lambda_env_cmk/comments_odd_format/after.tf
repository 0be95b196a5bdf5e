# owned by platform team (see CODEOWNERS)
resource "aws_lambda_function" "worker" {
    function_name   =   "worker"   # keep in sync with the runbook
    role          = aws_iam_role.worker.arn
    handler       = "main.handler"
    runtime       = "python3.12"
    filename      = "worker.zip"
    kms_key_arn = aws_kms_key.lambda.arn

    environment {
        variables = {
          STAGE = "prod"
        }
    }
    /* reviewed 2024-03 */
}
