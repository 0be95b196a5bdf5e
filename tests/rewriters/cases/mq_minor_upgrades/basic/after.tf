resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"

  auto_minor_version_upgrade = true

  user {
    username = "app"
    password = var.mq_password
  }
}
