resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  master_username             = "admin"
  manage_master_user_password = true
  storage_encrypted           = true
}
