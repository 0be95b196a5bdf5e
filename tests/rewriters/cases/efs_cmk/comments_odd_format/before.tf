# owned by platform team (see CODEOWNERS)
resource "aws_efs_file_system" "shared" {
    creation_token   =   "shared"   # keep in sync with the runbook
    encrypted      = true
    /* reviewed 2024-03 */
}
