# owned by platform team (see CODEOWNERS)
resource "aws_rds_cluster" "orders" {
    cluster_identifier            =   "orders"   # keep in sync with the runbook
    engine                      = "aurora-postgresql"
    master_username             = "app"
    manage_master_user_password = true
    storage_encrypted           = true
    /* reviewed 2024-03 */
}
