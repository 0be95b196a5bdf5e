# redis for rate limiting
resource "aws_elasticache_replication_group" "ratelimit" {
  replication_group_id = "ratelimit"   # fixed
  description = "rate limits"
  node_type = "cache.r6g.large"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true # client lib lacks TLS
}
