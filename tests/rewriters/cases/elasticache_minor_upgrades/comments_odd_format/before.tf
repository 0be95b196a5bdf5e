# owned by platform team (see CODEOWNERS)
resource "aws_elasticache_cluster" "sessions" {
    cluster_id                   =   "sessions"   # keep in sync with the runbook
    engine                     = "redis"
    node_type                  = "cache.t4g.small"
    num_cache_nodes            = 1
    snapshot_retention_limit   = 7
    auto_minor_version_upgrade = false
    /* reviewed 2024-03 */
}
