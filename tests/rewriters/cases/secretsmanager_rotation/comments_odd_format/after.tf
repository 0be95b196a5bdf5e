# owned by platform team (see CODEOWNERS)
resource "aws_secretsmanager_secret" "db" {
    name         =   "prod/db"   # keep in sync with the runbook
    kms_key_id = aws_kms_key.secrets.arn
    /* reviewed 2024-03 */
}

resource "aws_secretsmanager_secret_rotation" "db" {
    secret_id           = aws_secretsmanager_secret.db.id
    rotation_lambda_arn = aws_lambda_function.rotate_db.arn
    rotation_rules {
        automatically_after_days = 30
    }
}
