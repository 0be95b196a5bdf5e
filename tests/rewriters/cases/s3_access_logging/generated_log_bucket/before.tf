resource "aws_s3_bucket" "app" {
  bucket = "acme-app"
}
