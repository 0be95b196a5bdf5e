# owned by platform team (see CODEOWNERS)
resource "aws_db_instance" "orders" {
    identifier          =   "orders"   # keep in sync with the runbook
    engine            = "postgres"
    instance_class    = "db.m5.large"
    allocated_storage = 50
    performance_insights_enabled = true
    performance_insights_kms_key_id = aws_kms_key.rds.arn
    /* reviewed 2024-03 */
}
