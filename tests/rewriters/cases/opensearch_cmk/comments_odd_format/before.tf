# owned by platform team (see CODEOWNERS)
resource "aws_opensearch_domain" "search" {
    domain_name      =   "search"   # keep in sync with the runbook
    engine_version = "OpenSearch_2.11"

    encrypt_at_rest {
        enabled = true
    }
    /* reviewed 2024-03 */
}
