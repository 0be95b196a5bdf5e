# owned by platform team (see CODEOWNERS)
resource "aws_lb" "web" {
    name                 =   "web"   # keep in sync with the runbook
    load_balancer_type = "application"
    subnets            = aws_subnet.public[*].id
    /* reviewed 2024-03 */

    access_logs {
        bucket  = aws_s3_bucket.lb_logs.id
        enabled = true
    }
}
