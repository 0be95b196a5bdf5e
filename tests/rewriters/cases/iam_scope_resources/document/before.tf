data "aws_iam_policy_document" "ci" {
  statement {
    sid       = "Deploy"
    effect    = "Allow"
    actions   = ["lambda:UpdateFunctionCode", "lambda:PublishVersion"]
    resources = ["*"]
  }
}
