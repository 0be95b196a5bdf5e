# owned by platform team (see CODEOWNERS)
resource "aws_vpc_endpoint_service" "api" {
    acceptance_required          =   false   # keep in sync with the runbook
    network_load_balancer_arns = [aws_lb.api.arn]
    /* reviewed 2024-03 */
}
