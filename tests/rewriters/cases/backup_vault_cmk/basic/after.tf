resource "aws_backup_vault" "main" {
  name = "main"

  kms_key_arn = aws_kms_key.backup.arn
}
