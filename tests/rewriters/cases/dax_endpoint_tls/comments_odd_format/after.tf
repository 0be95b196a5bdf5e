# owned by platform team (see CODEOWNERS)
resource "aws_dax_cluster" "cache" {
    cluster_name         =   "cache"   # keep in sync with the runbook
    iam_role_arn       = aws_iam_role.dax.arn
    node_type          = "dax.r5.large"
    replication_factor = 3
    cluster_endpoint_encryption_type = "TLS"

    server_side_encryption {
        enabled = true
    }
    /* reviewed 2024-03 */
}
