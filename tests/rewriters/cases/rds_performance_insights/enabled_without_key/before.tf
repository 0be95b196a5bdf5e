resource "aws_rds_cluster_instance" "writer" {
  cluster_identifier           = "orders"
  instance_class               = "db.r6g.large"
  engine                       = "aurora-postgresql"
  performance_insights_enabled = true
}
