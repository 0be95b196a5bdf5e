# owned by platform team (see CODEOWNERS)
resource "aws_db_instance" "orders" {
    identifier          =   "orders"   # keep in sync with the runbook
    engine            = "postgres"
    engine_version    = "16.3"
    instance_class    = "db.m5.large"
    allocated_storage = 50
    enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
    /* reviewed 2024-03 */
}
