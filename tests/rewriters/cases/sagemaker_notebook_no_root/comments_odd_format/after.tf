# owned by platform team (see CODEOWNERS)
resource "aws_sagemaker_notebook_instance" "lab" {
    name            =   "lab"   # keep in sync with the runbook
    role_arn      = aws_iam_role.sagemaker.arn
    instance_type = "ml.t3.medium"
    subnet_id     = aws_subnet.private.id
    root_access = "Disabled"
    /* reviewed 2024-03 */
}
