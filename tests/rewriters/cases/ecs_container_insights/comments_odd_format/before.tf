# owned by platform team (see CODEOWNERS)
resource "aws_ecs_cluster" "main" {
    name   =   "main"   # keep in sync with the runbook
    /* reviewed 2024-03 */
}
