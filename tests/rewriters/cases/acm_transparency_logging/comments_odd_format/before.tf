# owned by platform team (see CODEOWNERS)
resource "aws_acm_certificate" "web" {
    domain_name         =   "www.example.com"   # keep in sync with the runbook
    validation_method = "DNS"

    options {
        certificate_transparency_logging_preference = "DISABLED"
    }
    /* reviewed 2024-03 */
}
