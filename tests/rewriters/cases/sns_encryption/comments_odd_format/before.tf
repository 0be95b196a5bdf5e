# ops notifications
resource "aws_sns_topic" "ops" {
  name         = "ops"   # paging
  display_name = "Ops"
}
