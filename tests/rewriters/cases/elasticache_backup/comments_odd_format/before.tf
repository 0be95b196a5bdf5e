# owned by platform team (see CODEOWNERS)
resource "aws_elasticache_cluster" "sessions" {
    cluster_id        =   "sessions"   # keep in sync with the runbook
    engine          = "redis"
    node_type       = "cache.t4g.small"
    num_cache_nodes = 1
    /* reviewed 2024-03 */
}
