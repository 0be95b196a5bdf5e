# owned by platform team (see CODEOWNERS)
resource "aws_opensearch_domain" "search" {
    domain_name      =   "search"   # keep in sync with the runbook
    engine_version = "OpenSearch_2.11"

    cluster_config {
        instance_type = "r6g.large.search"
    }
    /* reviewed 2024-03 */
}
