/* app -> db */
resource "aws_security_group_rule" "db_in" {
  type      = "ingress"   # inbound
  from_port = 5432
  to_port   = 5432
  protocol  = "tcp"
  cidr_blocks       = ["10.1.0.0/16"]
  security_group_id = "sg-0123456789abcdef0"
  description = "Ingress tcp port 5432"
}
