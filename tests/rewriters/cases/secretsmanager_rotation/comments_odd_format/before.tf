# owned by platform team (see CODEOWNERS)
resource "aws_secretsmanager_secret" "db" {
    name         =   "prod/db"   # keep in sync with the runbook
    kms_key_id = aws_kms_key.secrets.arn
    /* reviewed 2024-03 */
}
