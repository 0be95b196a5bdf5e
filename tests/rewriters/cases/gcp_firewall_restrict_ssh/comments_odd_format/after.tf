// legacy rule from the migration
resource "google_compute_firewall" "legacy" {
  name = "legacy"   # do not rename
  network = "vpc"
  direction = "INGRESS"
  allow {
    protocol = "tcp"
    ports = ["80", "20-24"]
  }
  source_ranges = ["10.0.0.0/8"]  # office + world
}
