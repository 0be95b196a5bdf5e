# owned by platform team (see CODEOWNERS)
resource "aws_qldb_ledger" "audit" {
    name                  =   "audit"   # keep in sync with the runbook
    permissions_mode    = "STANDARD"
    deletion_protection = false
    /* reviewed 2024-03 */
}
