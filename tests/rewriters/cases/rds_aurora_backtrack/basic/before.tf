resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-mysql"
  master_username    = "admin"
  manage_master_user_password = true
}
