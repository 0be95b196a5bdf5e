# Uploads bucket -- owned by the web team
resource "aws_s3_bucket" "uploads" {
    bucket        = "acme-uploads"   # do not rename
    force_destroy = false
    /* tags are managed centrally */
}

resource "aws_s3_bucket_public_access_block" "uploads" {
    bucket                  = aws_s3_bucket.uploads.id
    block_public_acls       = true
    block_public_policy     = true
    ignore_public_acls      = true
    restrict_public_buckets = true
}
# end of uploads

output "bucket" {
    value = aws_s3_bucket.uploads.id
}
