# owned by platform team (see CODEOWNERS)
resource "aws_cloudtrail" "main" {
    name             =   "main"   # keep in sync with the runbook
    s3_bucket_name = aws_s3_bucket.trail.id
    /* reviewed 2024-03 */
}
