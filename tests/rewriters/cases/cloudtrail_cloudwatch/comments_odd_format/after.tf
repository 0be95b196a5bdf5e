# owned by platform team (see CODEOWNERS)
resource "aws_cloudtrail" "main" {
    name                         =   "main"   # keep in sync with the runbook
    s3_bucket_name             = aws_s3_bucket.trail.id
    is_multi_region_trail      = true
    enable_log_file_validation = true
    cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
    cloud_watch_logs_role_arn = aws_iam_role.trail_logs.arn
    /* reviewed 2024-03 */
}

resource "aws_cloudwatch_log_group" "trail" {
    name              = "cloudtrail"
    retention_in_days = 365
    kms_key_id        = aws_kms_key.logs.arn
}
