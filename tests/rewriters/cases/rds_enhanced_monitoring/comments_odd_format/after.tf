# owned by platform team (see CODEOWNERS)
resource "aws_db_instance" "orders" {
    identifier            =   "orders"   # keep in sync with the runbook
    engine              = "postgres"
    instance_class      = "db.m5.large"
    allocated_storage   = 50
    monitoring_interval = 60
    monitoring_role_arn = aws_iam_role.rds_monitoring.arn
    /* reviewed 2024-03 */
}
