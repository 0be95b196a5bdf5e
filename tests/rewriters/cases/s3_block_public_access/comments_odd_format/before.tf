# Uploads bucket -- owned by the web team
resource "aws_s3_bucket" "uploads" {
    bucket        = "acme-uploads"   # do not rename
    force_destroy = false
    /* tags are managed centrally */
}
# end of uploads

output "bucket" {
    value = aws_s3_bucket.uploads.id
}
