# owned by platform team (see CODEOWNERS)
resource "aws_ses_configuration_set" "mail" {
    name   =   "transactional"   # keep in sync with the runbook
    /* reviewed 2024-03 */

    delivery_options {
        tls_policy = "Require"
    }
}
