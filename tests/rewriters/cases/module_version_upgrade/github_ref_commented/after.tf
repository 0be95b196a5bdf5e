# Shared logging bucket, pinned to a tag of our fork.
module   "logs"   {
  source = "git::https://github.com/acme/terraform-aws-log-bucket.git?ref=v1.4.2" # bump with care
  bucket_name    = "acme-logs"   # keep in sync with the SIEM
}
