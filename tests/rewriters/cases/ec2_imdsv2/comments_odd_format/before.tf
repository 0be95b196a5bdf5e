# web tier
resource "aws_instance" "app" {
  ami = "ami-0123456789abcdef0"     # golden image
  instance_type   = "m5.large"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # v1 for legacy agent
  }

  root_block_device {
    encrypted = true
  }

  tags = { Name = "app" }  // inline map
}
