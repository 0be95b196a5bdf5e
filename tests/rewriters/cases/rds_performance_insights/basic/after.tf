resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.m5.large"
  allocated_storage = 50

  performance_insights_enabled = true

  performance_insights_kms_key_id = aws_kms_key.rds.arn
}
