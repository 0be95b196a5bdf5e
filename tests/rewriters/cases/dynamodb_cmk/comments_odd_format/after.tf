# owned by platform team (see CODEOWNERS)
resource "aws_dynamodb_table" "orders" {
    name           =   "orders"   # keep in sync with the runbook
    billing_mode = "PAY_PER_REQUEST"
    hash_key     = "id"

    attribute {
        name = "id"
        type = "S"
    }

    point_in_time_recovery {
        enabled = true
    }
    /* reviewed 2024-03 */

    server_side_encryption {
        enabled     = true
        kms_key_arn = aws_kms_key.dynamodb.arn
    }
}
