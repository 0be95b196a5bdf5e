# owned by platform team (see CODEOWNERS)
resource "aws_kinesis_stream" "events" {
    name               =   "events"   # keep in sync with the runbook
    shard_count      = 2
    retention_period = 24
    /* reviewed 2024-03 */
}
