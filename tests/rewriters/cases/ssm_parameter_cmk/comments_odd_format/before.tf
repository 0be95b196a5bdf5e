# owned by platform team (see CODEOWNERS)
resource "aws_ssm_parameter" "db_password" {
    name    =   "/prod/db/password"   # keep in sync with the runbook
    type  = "SecureString"
    value = var.db_password
    /* reviewed 2024-03 */
}
