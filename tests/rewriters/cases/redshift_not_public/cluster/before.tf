resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  master_password    = var.password
  publicly_accessible = true
}
