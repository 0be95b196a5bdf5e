resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-123456"

  description = "Managed by Terraform"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
    description = "Ingress tcp port 443"
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.0.0.0/8"]
    description = "Egress all traffic"
  }
}
