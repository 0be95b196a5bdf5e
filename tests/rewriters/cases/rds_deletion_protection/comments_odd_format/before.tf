# orders database (prod)
resource "aws_db_instance" "orders" {
    identifier     = "orders"   # keep stable
    engine         = "mysql"
    instance_class = "db.t3.small"
    /* storage */
    allocated_storage = 50
    deletion_protection = false

    tags = {
        Owner = "payments"
    }
}
