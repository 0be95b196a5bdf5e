# ACL kept separate (provider v4 style)
resource "aws_s3_bucket_acl" "assets" {
  bucket = "acme-assets" # literal on purpose
  acl   =   "private"   # legacy uploader
}
