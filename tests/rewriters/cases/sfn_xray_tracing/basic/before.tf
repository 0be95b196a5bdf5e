resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = aws_iam_role.sfn.arn
  definition = file("${path.module}/flow.asl.json")
}
