resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "sessions"
  node_type            = "cache.t3.micro"
  num_cache_clusters   = 2

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
