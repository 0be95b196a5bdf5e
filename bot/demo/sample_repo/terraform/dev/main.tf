# Scratch space for developers: load-test fixtures, nothing real.
resource "aws_s3_bucket" "scratch" {
  bucket = "acme-payments-dev-scratch"

  tags = {
    environment         = "dev"
    data_classification = "public"
    owner               = "dev-alice"
  }
}
