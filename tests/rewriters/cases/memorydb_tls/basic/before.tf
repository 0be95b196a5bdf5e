resource "aws_memorydb_cluster" "cache" {
  name        = "cache"
  acl_name    = "open-access"
  node_type   = "db.t4g.small"
  tls_enabled = false
}
