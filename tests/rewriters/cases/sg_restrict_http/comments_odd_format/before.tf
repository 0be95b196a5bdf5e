# owned by platform team (see CODEOWNERS)
resource "aws_security_group_rule" "http" {
    type                =   "ingress"   # keep in sync with the runbook
    description       = "web"
    from_port         = 80
    to_port           = 80
    protocol          = "tcp"
    cidr_blocks       = ["0.0.0.0/0", "10.0.0.0/8"]
    security_group_id = aws_security_group.web.id
    /* reviewed 2024-03 */
}
