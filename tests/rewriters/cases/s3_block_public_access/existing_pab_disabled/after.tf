resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls   = true # website needed this once
  block_public_policy = true
  ignore_public_acls  = true

  restrict_public_buckets = true
}
