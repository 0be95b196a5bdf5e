# exports bucket
resource "google_storage_bucket" "exports" {
  name = "acme-exports"   # shared with partner
  location      = "EU"
  force_destroy = false
  uniform_bucket_level_access = false
  public_access_prevention = "inherited"
  versioning {
    enabled = true  # saves cost
  }
}
