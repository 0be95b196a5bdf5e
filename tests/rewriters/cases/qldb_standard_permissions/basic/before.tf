resource "aws_qldb_ledger" "audit" {
  name             = "audit"
  permissions_mode = "ALLOW_ALL"
}
