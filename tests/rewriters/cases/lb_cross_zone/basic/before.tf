resource "aws_lb" "nlb" {
  name               = "ingress"
  load_balancer_type = "network"
  subnets            = aws_subnet.public[*].id
}
