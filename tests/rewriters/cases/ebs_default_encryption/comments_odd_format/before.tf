# owned by platform team (see CODEOWNERS)
resource "aws_ebs_encryption_by_default" "this" {
    enabled   =   false   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
