# owned by platform team (see CODEOWNERS)
resource "aws_lb_listener" "http" {
    load_balancer_arn   =   aws_lb.web.arn   # keep in sync with the runbook
    port              = 80
    protocol          = "HTTP"

    default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.web.arn
    }
    /* reviewed 2024-03 */
}

resource "aws_lb_listener" "https" {
    load_balancer_arn = aws_lb.web.arn
    port              = 443
    protocol          = "HTTPS"
    ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
    certificate_arn   = aws_acm_certificate.web.arn

    default_action {
        type             = "forward"
        target_group_arn = aws_lb_target_group.web.arn
    }
}
