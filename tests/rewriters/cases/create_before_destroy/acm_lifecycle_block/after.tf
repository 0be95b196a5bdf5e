resource "aws_acm_certificate" "web" {
  domain_name       = "www.example.com"
  validation_method = "DNS"

  lifecycle {
    ignore_changes = [tags]

    create_before_destroy = true
  }
}
