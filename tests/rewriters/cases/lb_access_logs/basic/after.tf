resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = aws_subnet.public[*].id

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}
