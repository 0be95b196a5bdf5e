resource "aws_ecs_cluster" "jobs" {
  name = "jobs"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
