# owned by platform team (see CODEOWNERS)
resource "aws_sfn_state_machine" "flow" {
    name         =   "flow"   # keep in sync with the runbook
    role_arn   = aws_iam_role.sfn.arn
    definition = file("${path.module}/flow.asl.json")
    /* reviewed 2024-03 */

    tracing_configuration {
        enabled = true
    }
}
