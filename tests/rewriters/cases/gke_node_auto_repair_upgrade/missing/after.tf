resource "google_container_node_pool" "main" {
  name       = "general"
  cluster    = google_container_cluster.platform.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}
