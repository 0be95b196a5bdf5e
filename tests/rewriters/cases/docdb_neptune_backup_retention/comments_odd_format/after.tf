# owned by platform team (see CODEOWNERS)
resource "aws_docdb_cluster" "catalog" {
    cluster_identifier        =   "catalog"   # keep in sync with the runbook
    master_username         = "admin"
    manage_master_user_password = true
    storage_encrypted       = true
    backup_retention_period = 7
    /* reviewed 2024-03 */
}
