# owned by platform team (see CODEOWNERS)
resource "aws_s3_bucket" "uploads" {
    bucket   =   "acme-uploads"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}

resource "aws_s3_bucket_notification" "uploads" {
    bucket      = aws_s3_bucket.uploads.id
    eventbridge = true
}
