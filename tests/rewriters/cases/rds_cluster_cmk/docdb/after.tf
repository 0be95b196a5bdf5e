resource "aws_docdb_cluster" "catalog" {
  cluster_identifier          = "catalog"
  master_username             = "admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
