resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_backup_selection" "data" {
  resources    = [aws_ebs_volume.data.arn]
  name         = "data"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn
}

resource "aws_backup_selection" "other" {
  name         = "other"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = ["arn:aws:ec2:eu-west-1:123456789012:volume/vol-0123456789abcdef0"]
}
