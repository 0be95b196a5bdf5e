resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  master_username             = "admin"
  manage_master_user_password = true
  storage_encrypted           = true

  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
}
