# require auth on the memorystore for redis instance
resource "google_redis_instance" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "cache"
  memory_size_gb = 1
  tier = "STANDARD_HA"
  auth_enabled = false   # TODO: revisit
}
