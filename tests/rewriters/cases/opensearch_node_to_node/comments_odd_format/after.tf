# legacy ES domain
resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"  # used by the app
  elasticsearch_version = "7.10"
  cluster_config {
      instance_type = "r5.large.elasticsearch"
      instance_count = 3
  }
  encrypt_at_rest {
      enabled = false
  }
  domain_endpoint_options {
      enforce_https = false  # old client
  }

  node_to_node_encryption {
    enabled = true
  }
}
