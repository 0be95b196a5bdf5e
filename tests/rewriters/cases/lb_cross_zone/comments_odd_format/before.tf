# owned by platform team (see CODEOWNERS)
resource "aws_lb" "nlb" {
    name                 =   "ingress"   # keep in sync with the runbook
    load_balancer_type = "network"
    subnets            = aws_subnet.public[*].id
    /* reviewed 2024-03 */
}
