resource "aws_kms_key" "s3" {
  description         = "s3"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"
}
