# owned by platform team (see CODEOWNERS)
resource "aws_ecs_service" "api" {
    name              =   "api"   # keep in sync with the runbook
    cluster         = aws_ecs_cluster.main.id
    task_definition = aws_ecs_task_definition.api.arn
    launch_type     = "FARGATE"

    network_configuration {
        subnets          = aws_subnet.private[*].id
        assign_public_ip = false
    }
    /* reviewed 2024-03 */
}
