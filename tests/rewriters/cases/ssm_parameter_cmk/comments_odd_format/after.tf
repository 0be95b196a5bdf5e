# owned by platform team (see CODEOWNERS)
resource "aws_ssm_parameter" "db_password" {
    name    =   "/prod/db/password"   # keep in sync with the runbook
    type  = "SecureString"
    value = var.db_password
    key_id = aws_kms_key.params.arn
    /* reviewed 2024-03 */
}
