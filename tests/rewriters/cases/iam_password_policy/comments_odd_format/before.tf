# owned by platform team (see CODEOWNERS)
resource "aws_iam_account_password_policy" "strict" {
    minimum_password_length        =   8   # keep in sync with the runbook
    require_numbers              = false
    allow_users_to_change_password = true
    /* reviewed 2024-03 */
}
