resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier = "orders"
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
