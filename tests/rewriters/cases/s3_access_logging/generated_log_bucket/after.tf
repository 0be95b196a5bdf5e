resource "aws_s3_bucket" "app" {
  bucket = "acme-app"
}

resource "aws_s3_bucket_logging" "app" {
  bucket        = aws_s3_bucket.app.id
  target_bucket = aws_s3_bucket.fixbot_access_logs.id
  target_prefix = "app/"
}
