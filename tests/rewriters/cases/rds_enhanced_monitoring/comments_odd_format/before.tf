# owned by platform team (see CODEOWNERS)
resource "aws_db_instance" "orders" {
    identifier            =   "orders"   # keep in sync with the runbook
    engine              = "postgres"
    instance_class      = "db.m5.large"
    allocated_storage   = 50
    monitoring_interval = 0
    /* reviewed 2024-03 */
}
