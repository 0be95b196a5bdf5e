# ops notifications
resource "aws_sns_topic" "ops" {
  name         = "ops"   # paging
  display_name = "Ops"

  kms_master_key_id = aws_kms_key.sns.id
}
