# owned by platform team (see CODEOWNERS)
resource "aws_backup_vault" "main" {
    name   =   "main"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
