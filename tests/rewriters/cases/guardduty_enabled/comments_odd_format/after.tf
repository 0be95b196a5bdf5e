# owned by platform team (see CODEOWNERS)
resource "aws_guardduty_detector" "main" {
    enable   =   true   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
