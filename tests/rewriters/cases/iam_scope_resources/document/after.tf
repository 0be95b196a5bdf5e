data "aws_iam_policy_document" "ci" {
  statement {
    sid       = "Deploy"
    effect    = "Allow"
    actions   = ["lambda:UpdateFunctionCode", "lambda:PublishVersion"]
    resources = ["arn:aws:lambda:eu-west-1:123456789012:function:api"]
  }
}
