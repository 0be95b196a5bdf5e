# owned by platform team (see CODEOWNERS)
resource "aws_sagemaker_notebook_instance" "lab" {
    name            =   "lab"   # keep in sync with the runbook
    role_arn      = aws_iam_role.sagemaker.arn
    instance_type = "ml.t3.medium"
    root_access   = "Disabled"
    /* reviewed 2024-03 */

    instance_metadata_service_configuration {
        minimum_instance_metadata_service_version = "2"
    }
}
