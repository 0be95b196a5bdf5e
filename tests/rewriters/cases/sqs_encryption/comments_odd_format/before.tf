resource "aws_sqs_queue" "events" {
  name                       = "events"  # fan-in
  visibility_timeout_seconds = 60
  sqs_managed_sse_enabled = false
  /* dlq wired elsewhere */
}
