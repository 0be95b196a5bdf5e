resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_backup_selection" "shared" {
  resources    = [aws_efs_file_system.shared.arn]
  name         = "shared"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
}
