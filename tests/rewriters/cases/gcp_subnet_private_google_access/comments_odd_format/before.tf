// GKE nodes
resource "google_compute_subnetwork" "gke" {
  name = "gke"
  ip_cidr_range = "10.10.0.0/20"   # nodes
  region = "europe-west1"
  network = "vpc"
  private_ip_google_access = false

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = "10.20.0.0/14"
  }
}
