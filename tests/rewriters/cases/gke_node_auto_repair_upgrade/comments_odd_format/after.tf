# enable automatic repair and upgrade of the node pool
resource "google_container_node_pool" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "general"
  cluster = google_container_cluster.platform.id
  node_count = 3

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}
