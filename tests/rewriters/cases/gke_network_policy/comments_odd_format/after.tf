# enable network policy enforcement on the gke cluster
resource "google_container_cluster" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "platform"
  location = "europe-west1"

  remove_default_node_pool = true
  initial_node_count = 1

  network_policy {
    enabled = true
  }
}
