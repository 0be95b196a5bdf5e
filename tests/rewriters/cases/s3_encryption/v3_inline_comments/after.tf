# legacy bucket, provider 3.x
resource "aws_s3_bucket" "legacy" {
    bucket = "acme-legacy"     # do not rename

    versioning {
        enabled = true
    }

    server_side_encryption_configuration {
        rule {
            apply_server_side_encryption_by_default {
                sse_algorithm     = "aws:kms"
                kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
            }
        }
    }
}
