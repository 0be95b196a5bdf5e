# owned by platform team (see CODEOWNERS)
resource "aws_s3_bucket" "data" {
    bucket   =   "acme-data"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
