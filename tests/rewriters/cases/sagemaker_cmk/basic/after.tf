resource "aws_sagemaker_notebook_instance" "lab" {
  name          = "lab"
  role_arn      = aws_iam_role.sagemaker.arn
  instance_type = "ml.t3.medium"
  root_access   = "Disabled"
  kms_key_id    = aws_kms_key.sagemaker.arn
}
