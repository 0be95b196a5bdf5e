resource "aws_athena_workgroup" "analytics" {
  name = "analytics"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://acme-athena-results/"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }
}
