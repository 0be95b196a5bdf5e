resource "aws_kms_key" "s3" {
  description         = "s3"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "ledger" {
  bucket = aws_s3_bucket.ledger.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.fixbot.arn
    }
  }
}
