resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "RDP" # ops
  cidr_ipv4   = "192.168.10.0/24"
  from_port   = 3389
  ip_protocol = "tcp"
  to_port     = 3389
}
