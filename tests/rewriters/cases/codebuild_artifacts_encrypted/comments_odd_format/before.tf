# owned by platform team (see CODEOWNERS)
resource "aws_codebuild_project" "build" {
    name           =   "build"   # keep in sync with the runbook
    service_role = aws_iam_role.codebuild.arn

    artifacts {
        type                = "S3"
        location            = "acme-artifacts"
        encryption_disabled = true
    }

    environment {
        compute_type = "BUILD_GENERAL1_SMALL"
        image        = "aws/codebuild/standard:7.0"
        type         = "LINUX_CONTAINER"
    }

    source {
        type     = "GITHUB"
        location = "https://github.com/acme/app.git"
    }
    /* reviewed 2024-03 */
}
