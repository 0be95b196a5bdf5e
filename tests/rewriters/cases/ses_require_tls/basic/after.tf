resource "aws_ses_configuration_set" "mail" {
  name = "transactional"

  delivery_options {
    tls_policy = "Require"
  }
}
