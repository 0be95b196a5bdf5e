# owned by platform team (see CODEOWNERS)
resource "aws_s3_bucket" "data" {
    bucket   =   "acme-data"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}

resource "aws_s3_bucket_ownership_controls" "data" {
    bucket = aws_s3_bucket.data.id

    rule {
        object_ownership = "BucketOwnerPreferred"
    }
}
