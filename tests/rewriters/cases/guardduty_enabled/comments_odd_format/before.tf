# owned by platform team (see CODEOWNERS)
resource "aws_guardduty_detector" "main" {
    enable   =   false   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
