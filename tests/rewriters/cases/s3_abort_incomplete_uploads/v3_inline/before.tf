resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  acl    = "private"

  versioning {
    enabled = true
  }
}
