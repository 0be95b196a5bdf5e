# owned by platform team (see CODEOWNERS)
resource "aws_lb" "web" {
    name                     =   "web"   # keep in sync with the runbook
    load_balancer_type     = "application"
    subnets                = aws_subnet.public[*].id
    desync_mitigation_mode = "defensive"
    /* reviewed 2024-03 */
}
