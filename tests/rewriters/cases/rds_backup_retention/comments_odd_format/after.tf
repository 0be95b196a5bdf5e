# orders database (prod)
resource "aws_db_instance" "orders" {
    identifier     = "orders"   # keep stable
    engine         = "mysql"
    instance_class = "db.t3.small"
    /* storage */
    allocated_storage = 50
    backup_retention_period = 7

    tags = {
        Owner = "payments"
    }
}
