# owned by platform team (see CODEOWNERS)
resource "aws_ecs_cluster" "main" {
    name   =   "main"   # keep in sync with the runbook

    configuration {
        execute_command_configuration {
          logging = "NONE"
        }
    }
    /* reviewed 2024-03 */
}
