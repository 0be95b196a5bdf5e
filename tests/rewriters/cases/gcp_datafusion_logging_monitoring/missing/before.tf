resource "google_data_fusion_instance" "main" {
  name   = "etl"
  region = "europe-west1"
  type   = "BASIC"
}
