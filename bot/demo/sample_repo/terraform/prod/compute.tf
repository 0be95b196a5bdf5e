# --- Compute -------------------------------------------------------------------

resource "aws_instance" "api" {
  ami                    = "ami-0a1b2c3d4e5f67890" # payments-api golden image 2024.06
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.private_a.id
  vpc_security_group_ids = [aws_security_group.api.id]
  iam_instance_profile   = aws_iam_instance_profile.api.name

  root_block_device {
    encrypted   = true
    volume_size = 30
  }

  tags = {
    Name        = "payments-api"
    environment = "prod"
    criticality = "high"
  }
}

resource "aws_instance" "bastion" {
  ami                         = "ami-0a1b2c3d4e5f67890"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.public_a.id
  vpc_security_group_ids      = [aws_security_group.bastion.id]
  associate_public_ip_address = true

  root_block_device {
    encrypted = true
  }

  tags = {
    Name        = "payments-bastion"
    environment = "prod"
  }
}
