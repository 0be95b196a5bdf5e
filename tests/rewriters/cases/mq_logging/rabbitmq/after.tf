resource "aws_mq_broker" "rabbit" {
  broker_name        = "rabbit"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"

  logs {
    general = true
  }

  user {
    username = "app"
    password = var.mq_password
  }
}
