resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true # rotated by Secrets Manager
  copy_tags_to_snapshot       = true
}
