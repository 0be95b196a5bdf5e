# owned by platform team (see CODEOWNERS)
resource "aws_opensearch_domain" "search" {
    domain_name      =   "search"   # keep in sync with the runbook
    engine_version = "OpenSearch_2.11"

    encrypt_at_rest {
        enabled = true

        kms_key_id = aws_kms_key.search.arn
    }
    /* reviewed 2024-03 */
}
