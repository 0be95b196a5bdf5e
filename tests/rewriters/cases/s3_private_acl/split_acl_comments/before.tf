resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}
# ACL kept separate (provider v4 style)
resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id # set by platform team
  acl   =   "public-read-write"   # legacy uploader
}
