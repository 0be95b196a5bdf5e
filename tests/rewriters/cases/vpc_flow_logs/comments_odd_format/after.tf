# owned by platform team (see CODEOWNERS)
resource "aws_vpc" "main" {
    cidr_block             =   "10.0.0.0/16"   # keep in sync with the runbook
    enable_dns_hostnames = true
    /* reviewed 2024-03 */
}

resource "aws_flow_log" "main" {
    vpc_id               = aws_vpc.main.id
    traffic_type         = "ALL"
    log_destination_type = "s3"
    log_destination      = aws_s3_bucket.flow_logs.arn
}
