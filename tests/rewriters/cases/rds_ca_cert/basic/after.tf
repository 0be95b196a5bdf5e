resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "mysql"
  instance_class     = "db.m5.large"
  allocated_storage  = 50
  ca_cert_identifier = "rds-ca-rsa2048-g1"
}
