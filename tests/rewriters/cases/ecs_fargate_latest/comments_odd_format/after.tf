# owned by platform team (see CODEOWNERS)
resource "aws_ecs_service" "api" {
    name               =   "api"   # keep in sync with the runbook
    cluster          = aws_ecs_cluster.main.id
    task_definition  = aws_ecs_task_definition.api.arn
    launch_type      = "FARGATE"
    platform_version = "LATEST"
    desired_count    = 2
    /* reviewed 2024-03 */
}
