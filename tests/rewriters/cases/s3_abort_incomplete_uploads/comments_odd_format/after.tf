# owned by platform team (see CODEOWNERS)
resource "aws_s3_bucket" "data" {
    bucket   =   "acme-data"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
    bucket = aws_s3_bucket.data.id
    rule {
        id     = "abort-incomplete-multipart-uploads"
        status = "Enabled"
        filter {}
        abort_incomplete_multipart_upload {
            days_after_initiation = 7
        }
    }
}
