/* analytics warehouse */
resource "aws_redshift_cluster" "analytics" {
  cluster_identifier = "analytics"   # BI
  node_type = "dc2.large"
  number_of_nodes = 2
  publicly_accessible = true  # tableau online
  encrypted = false
}
