resource "google_dns_managed_zone" "main" {
  name     = "example-com"
  dns_name = "example.com."

  dnssec_config {
    state = "on"
  }
}
