# owned by platform team (see CODEOWNERS)
resource "aws_memorydb_cluster" "cache" {
    name          =   "cache"   # keep in sync with the runbook
    acl_name    = "open-access"
    node_type   = "db.t4g.small"
    tls_enabled = false
    /* reviewed 2024-03 */
}
