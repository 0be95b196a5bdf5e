// internet-facing ALB
resource "aws_alb" "edge" {
  name     = "edge"     # DNS name used by CloudFront
  internal = false
  subnets  = ["subnet-1", "subnet-2"]
  drop_invalid_header_fields = false # legacy clients

  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}
