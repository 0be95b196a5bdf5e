resource "aws_subnet" "app" {
  vpc_id                  = "vpc-123456"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
