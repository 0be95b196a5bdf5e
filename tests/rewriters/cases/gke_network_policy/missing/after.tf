resource "google_container_cluster" "main" {
  name     = "platform"
  location = "europe-west1"

  remove_default_node_pool = true
  initial_node_count       = 1

  network_policy {
    enabled = true
  }
}
