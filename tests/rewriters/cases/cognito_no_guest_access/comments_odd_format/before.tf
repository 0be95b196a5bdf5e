# owned by platform team (see CODEOWNERS)
resource "aws_cognito_identity_pool" "app" {
    identity_pool_name                 =   "app"   # keep in sync with the runbook
    allow_unauthenticated_identities = true
    /* reviewed 2024-03 */
}
