# owned by platform team (see CODEOWNERS)
resource "aws_backup_vault" "main" {
    name   =   "main"   # keep in sync with the runbook
    kms_key_arn = aws_kms_key.backup.arn
    /* reviewed 2024-03 */
}
