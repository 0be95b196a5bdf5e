# owned by platform team (see CODEOWNERS)
resource "aws_kms_key" "data" {
    description           =   "data key"   # keep in sync with the runbook
    enable_key_rotation = true
    is_enabled          = true
    /* reviewed 2024-03 */
}
