# owned by platform team (see CODEOWNERS)
resource "aws_route53domains_registered_domain" "main" {
    domain_name     =   "example.com"   # keep in sync with the runbook
    transfer_lock = false
    /* reviewed 2024-03 */
}
