resource "google_compute_firewall" "admin" {
  name    = "admin"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  source_ranges = ["35.235.240.0/20"]
}
