resource "aws_ecs_task_definition" "agent" {
  family = "agent"
  container_definitions = jsonencode([
    {
      name       = "agent"
      image      = "public.ecr.aws/datadog/agent:7"
      essential  = true
      privileged = true
    }
  ])
}
