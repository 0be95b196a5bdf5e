# owned by platform team (see CODEOWNERS)
resource "aws_iam_policy" "worker" {
    name   =   "worker"   # keep in sync with the runbook
    policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Effect   = "Allow"
            Action   = ["s3:GetObject", "s3:PutObject"]
            Resource = ["arn:aws:s3:::acme-reports/*"]
          },
          {
            Effect   = "Deny"
            Action   = ["s3:DeleteObject"]
            Resource = "*"
          },
        ]
    })
    /* reviewed 2024-03 */
}
