resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail"
  kms_key_id     = aws_kms_key.fixbot.arn
}
