# owned by platform team (see CODEOWNERS)
resource "aws_rds_cluster" "orders" {
    cluster_identifier            =   "orders"   # keep in sync with the runbook
    engine                      = "aurora-postgresql"
    master_username             = "app"
    manage_master_user_password = true
    storage_encrypted           = true
    /* reviewed 2024-03 */
}

resource "aws_backup_selection" "orders" {
    resources    = [aws_rds_cluster.orders.arn]
    name         = "orders"
    plan_id      = aws_backup_plan.daily.id
    iam_role_arn = aws_iam_role.backup.arn
}
