# build agents
resource "aws_launch_configuration" "agents" {
  name_prefix = "agents-"   # ASG
  image_id = "ami-0123456789abcdef0"
  instance_type = "c5.large"
  root_block_device {
    volume_size = 100
    encrypted = true  # faster boot?
  }
}
