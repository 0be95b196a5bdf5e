resource "aws_ses_configuration_set" "mail" {
  name = "transactional"
}
