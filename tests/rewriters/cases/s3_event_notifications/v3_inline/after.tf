resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  acl    = "private"

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_notification" "legacy" {
  bucket      = aws_s3_bucket.legacy.id
  eventbridge = true
}
