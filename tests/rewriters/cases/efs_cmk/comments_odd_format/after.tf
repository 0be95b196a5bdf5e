# owned by platform team (see CODEOWNERS)
resource "aws_efs_file_system" "shared" {
    creation_token   =   "shared"   # keep in sync with the runbook
    encrypted      = true
    kms_key_id = aws_kms_key.efs.arn
    /* reviewed 2024-03 */
}
