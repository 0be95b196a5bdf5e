// provider pinned to 3.x in versions.tf
resource "aws_s3_bucket" "backups" {
  bucket = "acme-backups"
  acl    = "private"

  lifecycle_rule {
    enabled = true # keep 30 days
    expiration {
      days = 30
    }
  }
}
