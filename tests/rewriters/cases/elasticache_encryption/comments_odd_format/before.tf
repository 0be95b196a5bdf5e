# redis for rate limiting
resource "aws_elasticache_replication_group" "ratelimit" {
  replication_group_id = "ratelimit"   # fixed
  description = "rate limits"
  node_type = "cache.r6g.large"
  at_rest_encryption_enabled = false
  transit_encryption_enabled = false # client lib lacks TLS
}
