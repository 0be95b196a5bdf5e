resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"
  subnets            = ["subnet-1", "subnet-2"]
}
