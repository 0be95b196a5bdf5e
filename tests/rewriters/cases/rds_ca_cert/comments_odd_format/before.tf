# owned by platform team (see CODEOWNERS)
resource "aws_db_instance" "orders" {
    identifier           =   "orders"   # keep in sync with the runbook
    engine             = "mysql"
    instance_class     = "db.m5.large"
    allocated_storage  = 50
    ca_cert_identifier = "rds-ca-2019"
    /* reviewed 2024-03 */
}
