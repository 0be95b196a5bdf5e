# owned by platform team (see CODEOWNERS)
resource "aws_lb" "nlb" {
    name                 =   "ingress"   # keep in sync with the runbook
    load_balancer_type = "network"
    subnets            = aws_subnet.public[*].id
    enable_cross_zone_load_balancing = true
    /* reviewed 2024-03 */
}
