# owned by platform team (see CODEOWNERS)
resource "aws_athena_workgroup" "analytics" {
    name   =   "analytics"   # keep in sync with the runbook

    configuration {
        enforce_workgroup_configuration = true

        result_configuration {
          output_location = "s3://acme-athena-results/"

          encryption_configuration {
            encryption_option = "SSE_S3"
          }
        }
    }
    /* reviewed 2024-03 */
}
