# owned by platform team (see CODEOWNERS)
resource "aws_cloudtrail" "main" {
    name                         =   "main"   # keep in sync with the runbook
    s3_bucket_name             = aws_s3_bucket.trail.id
    is_multi_region_trail      = true
    enable_log_file_validation = true
    /* reviewed 2024-03 */
}
