# enable dnssec on the cloud dns zone
resource "google_dns_managed_zone" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  name = "example-com"
  dns_name = "example.com."
}
