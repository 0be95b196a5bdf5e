# owned by platform team (see CODEOWNERS)
resource "aws_rds_cluster" "orders" {
    cluster_identifier   =   "orders"   # keep in sync with the runbook
    engine             = "aurora-mysql"
    master_username    = "admin"
    manage_master_user_password = true
    /* reviewed 2024-03 */
}
