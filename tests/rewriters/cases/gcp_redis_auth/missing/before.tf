resource "google_redis_instance" "main" {
  name           = "cache"
  memory_size_gb = 1
  tier           = "STANDARD_HA"
}
