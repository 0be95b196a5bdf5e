resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  acl    = "private"

  versioning {
    enabled = true
  }

  lifecycle_rule {
    id                                     = "abort-incomplete-multipart-uploads"
    enabled                                = true
    abort_incomplete_multipart_upload_days = 7
  }
}
