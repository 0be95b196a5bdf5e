resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_backup_selection" "other" {
  name         = "other"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = ["arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-0123456789"]
}
