# owned by platform team (see CODEOWNERS)
resource "aws_elasticache_replication_group" "cache" {
    replication_group_id         =   "cache"   # keep in sync with the runbook
    description                = "app cache"
    node_type                  = "cache.r6g.large"
    num_cache_clusters         = 2
    at_rest_encryption_enabled = true
    transit_encryption_enabled = true
    kms_key_id = aws_kms_key.cache.arn
    /* reviewed 2024-03 */
}
