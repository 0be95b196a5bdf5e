resource "aws_s3_bucket" "app" {
  bucket = "acme-app"  # team: web

  # versioning is required by audit
  versioning {
    enabled = true
  }

  logging {
    target_bucket = aws_s3_bucket.logs.id
    target_prefix = "app/"
  }
}
