# private app subnet (was public during PoC)
resource "aws_subnet" "private_a" {
  vpc_id = "vpc-123456"
  cidr_block = "10.0.2.0/24"   # /24 per AZ
  availability_zone = "eu-west-1a"
  map_public_ip_on_launch = false # PoC leftover
}
