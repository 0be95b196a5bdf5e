# owned by platform team (see CODEOWNERS)
resource "aws_ecs_task_definition" "agent" {
    family   =   "agent"   # keep in sync with the runbook
    container_definitions = jsonencode([
        {
          name       = "agent"
          image      = "public.ecr.aws/datadog/agent:7"
          essential  = true
          privileged = false
        }
    ])
    /* reviewed 2024-03 */
}
