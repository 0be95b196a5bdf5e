resource "aws_security_group_rule" "http" {
  type              = "ingress"
  description       = "web"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/20", "10.0.0.0/8"]
  security_group_id = aws_security_group.web.id
}
