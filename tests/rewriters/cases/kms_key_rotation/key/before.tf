resource "aws_kms_key" "app" {
  description = "app data"
}
