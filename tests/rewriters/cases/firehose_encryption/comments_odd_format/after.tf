# owned by platform team (see CODEOWNERS)
resource "aws_kinesis_firehose_delivery_stream" "logs" {
    name          =   "logs"   # keep in sync with the runbook
    destination = "extended_s3"

    extended_s3_configuration {
        role_arn   = aws_iam_role.firehose.arn
        bucket_arn = aws_s3_bucket.logs.arn
    }
    /* reviewed 2024-03 */

    server_side_encryption {
        enabled = true
    }
}
