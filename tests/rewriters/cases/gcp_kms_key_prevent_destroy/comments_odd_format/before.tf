# stop terraform from destroying the kms crypto key
resource "google_kms_crypto_key" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "data"
  key_ring = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}
