resource "aws_efs_file_system" "home" {
  creation_token   = "home"   # user homes
  performance_mode = "generalPurpose"
  encrypted = false
  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}
