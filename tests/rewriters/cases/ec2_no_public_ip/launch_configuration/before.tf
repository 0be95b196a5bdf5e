resource "aws_launch_configuration" "app" {
  name_prefix                 = "app-"
  image_id                    = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
}
