# legacy bucket, provider 3.x
resource "aws_s3_bucket" "legacy" {
    bucket = "acme-legacy"     # do not rename

    versioning {
        enabled = true
    }
}
