# organisation trail
resource "aws_cloudtrail" "org" {
  name = "org"                       # do not rename
  s3_bucket_name = "acme-org-trail"
  include_global_service_events = true

  event_selector {
    read_write_type = "All"
  }
}
