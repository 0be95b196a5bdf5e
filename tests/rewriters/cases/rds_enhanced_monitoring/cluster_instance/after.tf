resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier = "orders"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"

  monitoring_interval = 30
  monitoring_role_arn = "arn:aws:iam::123456789012:role/rds-monitoring"
}
