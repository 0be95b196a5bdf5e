resource "google_compute_subnetwork" "main" {
  name                     = "apps"
  ip_cidr_range            = "10.10.0.0/20"
  region                   = "europe-west1"
  network                  = google_compute_network.main.id
  private_ip_google_access = true
  stack_type               = "IPV4_IPV6"
  ipv6_access_type         = "INTERNAL"

  private_ipv6_google_access = "ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE"
}
