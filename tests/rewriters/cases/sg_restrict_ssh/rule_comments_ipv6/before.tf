# break-glass access, see runbook
resource "aws_security_group_rule" "ssh_in" {
  type              = "ingress"
  description       = "ssh from anywhere (temporary!)"
  from_port         = 0
  to_port           = 65535   # all tcp
  protocol          = "tcp"
  cidr_blocks       = [
    "10.0.0.0/8",
    "0.0.0.0/0",
  ]
  ipv6_cidr_blocks  = ["::/0"]
  security_group_id = "sg-0123456789abcdef0"
}
