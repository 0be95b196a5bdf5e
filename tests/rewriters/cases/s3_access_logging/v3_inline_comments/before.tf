resource "aws_s3_bucket" "app" {
  bucket = "acme-app"  # team: web

  # versioning is required by audit
  versioning {
    enabled = true
  }
}
