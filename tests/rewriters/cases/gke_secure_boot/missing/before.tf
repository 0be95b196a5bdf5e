resource "google_container_node_pool" "main" {
  name       = "general"
  cluster    = google_container_cluster.platform.id
  node_count = 3

  node_config {
    machine_type = "e2-standard-4"
  }
}
