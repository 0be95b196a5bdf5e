# owned by platform team (see CODEOWNERS)
resource "aws_ecs_task_definition" "app" {
    family                     =   "app"   # keep in sync with the runbook
    requires_compatibilities = ["FARGATE"]
    network_mode             = "awsvpc"
    cpu                      = 256
    memory                   = 512
    container_definitions = jsonencode([
        {
          name      = "app"
          image     = "public.ecr.aws/nginx/nginx:1.27"
          essential = true
          readonlyRootFilesystem = true
        },
        { name = "log-router", image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", readonlyRootFilesystem = true },
    ])
    /* reviewed 2024-03 */
}
